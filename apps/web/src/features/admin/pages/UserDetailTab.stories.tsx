import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { adminApi, cyril, gus, hana, kit } from "../adminStoryMocks.ts";
import { UserDetailTab } from "./UserDetailTab.tsx";

export const detailApi = adminApi();

const meta = {
  title: "Admin/UserDetailTab",
  component: UserDetailTab,
  render: () => <AppRoutes />,
  excludeStories: /^[a-z]/,
  parameters: {
    layout: "fullscreen",
    route: `/admin/users/${hana.id}`,
    msw: { handlers: detailApi.handlersByDomain },
  },
} satisfies Meta<typeof UserDetailTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A creator with two tracks, one taken down after a copyright claim. */
export const Creator: Story = {};

/** A listener: change their role, suspend them, force a password reset. */
export const Listener: Story = { parameters: { route: `/admin/users/${cyril.id}` } };

/** Suspended, with the reason; their track is hidden until the suspension is lifted. */
export const Suspended: Story = { parameters: { route: `/admin/users/${gus.id}` } };

/** Has not verified their email: the verification email can be sent again. */
export const Unverified: Story = { parameters: { route: `/admin/users/${kit.id}` } };

/** No such account. */
export const NotFound: Story = { parameters: { route: "/admin/users/00000000-0000-4000-8000-00000000dead" } };
