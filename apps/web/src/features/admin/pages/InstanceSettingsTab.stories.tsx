import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi } from "../adminStoryMocks.ts";
import { InstanceSettingsTab } from "./InstanceSettingsTab.tsx";

export const settingsApi = adminApi();

const meta = {
  title: "Admin/InstanceSettingsTab",
  component: InstanceSettingsTab,
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: "/admin/settings",
    msw: { handlers: settingsApi.handlersByDomain },
  },
} satisfies Meta<typeof InstanceSettingsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open registration, some terms; one active invite and one revoked. A new invite's code shows once. */
export const Default: Story = {};

/** No invites yet. */
export const NoInvites: Story = {
  parameters: { msw: { handlers: adminApi(undefined, { invites: [] }).handlersByDomain } },
};
