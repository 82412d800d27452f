import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { accountsHandlers, buildUnverifiedUser } from "../../../mocks/handlers.ts";
import { ResendVerificationPage } from "./ResendVerificationPage.tsx";

const meta = {
  title: "Pages/ResendVerificationPage",
  component: ResendVerificationPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/verify-email/resend" },
} satisfies Meta<typeof ResendVerificationPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {};

/** Signed in: the account's address is filled in. */
export const SignedInUnverified: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } } },
};
