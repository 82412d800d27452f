import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi, moderator } from "../adminStoryMocks.ts";
import { ModerationTab } from "./ModerationTab.tsx";

export const moderatorApi = adminApi(moderator);

const meta = {
  title: "Admin/ModerationTab",
  component: ModerationTab,
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: "/admin/moderation",
    msw: { handlers: moderatorApi.handlersByDomain },
  },
} satisfies Meta<typeof ModerationTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A moderator's queue: a track, a comment, a playlist and a user reported; only this tab in the nav. */
export const AsModerator: Story = {};

/** An admin sees the same queue among the other tabs. */
export const AsAdmin: Story = { parameters: { msw: { handlers: adminApi().handlersByDomain } } };

/** Closed reports, with how they ended. */
export const Resolved: Story = { parameters: { route: "/admin/moderation?status=resolved" } };

/** Nothing to do. */
export const EmptyQueue: Story = {
  parameters: { msw: { handlers: adminApi(moderator, { reports: [] }).handlersByDomain } },
};
