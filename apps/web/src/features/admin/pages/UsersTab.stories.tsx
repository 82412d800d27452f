import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi, listener, moderator } from "../adminStoryMocks.ts";
import { UsersTab } from "./UsersTab.tsx";

export const usersApi = adminApi();

const meta = {
  title: "Admin/UsersTab",
  component: UsersTab,
  // The whole app: the tab lives in /admin, behind the sign-in and role checks.
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: "/admin/users",
    msw: { handlers: usersApi.handlersByDomain },
  },
} satisfies Meta<typeof UsersTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 25 accounts in every role and state: a page of 20, then "Load more users". */
export const AsAdmin: Story = {};

/** Filtered from the URL: suspended accounts only. */
export const SuspendedOnly: Story = { parameters: { route: "/admin/users?state=suspended" } };

/** Nobody matches. */
export const NoMatches: Story = { parameters: { route: "/admin/users?q=nobody-like-this" } };

/** A moderator has the Moderation tab only, and is told so here. */
export const AsModerator: Story = { parameters: { msw: { handlers: adminApi(moderator).handlersByDomain } } };

/** A listener: no admin pages at all. */
export const AsListener: Story = { parameters: { msw: { handlers: adminApi(listener).handlersByDomain } } };
