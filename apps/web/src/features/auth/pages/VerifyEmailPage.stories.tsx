import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { accountsHandlers, buildUnverifiedUser, MOCK_VERIFY_TOKEN } from "../../../mocks/handlers.ts";
import { VerifyEmailPage } from "./VerifyEmailPage.tsx";

const meta = {
  title: "Pages/VerifyEmailPage",
  component: VerifyEmailPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof VerifyEmailPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opened from the email while signed out: verified, go sign in. */
export const Verified: Story = {
  parameters: { route: `/verify-email#token=${MOCK_VERIFY_TOKEN}` },
};

/** Opened while signed in as the unverified account. */
export const VerifiedWhileSignedIn: Story = {
  parameters: {
    route: `/verify-email#token=${MOCK_VERIFY_TOKEN}`,
    msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } },
  },
};

/** Expired, used or unknown: explain and offer a new link. */
export const InvalidToken: Story = {
  parameters: { route: "/verify-email#token=expired-token" },
};

export const MissingToken: Story = {
  parameters: { route: "/verify-email" },
};
