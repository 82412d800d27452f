import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { accountsHandlers, buildAdmin, buildUnverifiedUser, buildVerifiedUser } from "../../../mocks/handlers.ts";
import { messagingApi } from "../../messages/messagingStoryMocks.ts";
import { SettingsPage } from "./SettingsPage.tsx";

const meta = {
  title: "Pages/SettingsPage",
  component: SettingsPage,
  // The whole app at /settings, so the guard, header and tabs behave as they do for real.
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/settings" },
} satisfies Meta<typeof SettingsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A verified listener's Account tab: summary, the creator card, the profile. */
export const AccountTab: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

export const AccountTabUnverified: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } } },
};

/** An admin: no creator card. */
export const AccountTabAdmin: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildAdmin() }) } } },
};

/** Password, two-factor, sessions and security activity. */
export const SecurityTab: Story = {
  parameters: {
    route: "/settings/security",
    msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } },
  },
};

/** Which notifications also come by email, and the people I blocked. */
export const NotificationsTab: Story = {
  parameters: {
    route: "/settings/notifications",
    msw: { handlers: messagingApi({ blocked: ["linus"] }).handlersByDomain },
  },
};

/** Signed out: the guard sends the visitor to sign in. */
export const SignedOut: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers() } } },
};
