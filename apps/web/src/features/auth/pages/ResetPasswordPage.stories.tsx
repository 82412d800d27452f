import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { MOCK_RESET_TOKEN } from "../../../mocks/handlers.ts";
import { ResetPasswordPage } from "./ResetPasswordPage.tsx";

const meta = {
  title: "Pages/ResetPasswordPage",
  component: ResetPasswordPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof ResetPasswordPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** From a fresh reset email; "password1234" is turned down as weak. */
export const ValidLink: Story = {
  parameters: { route: `/reset-password#token=${MOCK_RESET_TOKEN}` },
};

/** Expired, used or unknown: the server says so once a password is submitted. */
export const InvalidLink: Story = {
  parameters: { route: "/reset-password#token=expired-token" },
};

export const MissingToken: Story = {
  parameters: { route: "/reset-password" },
};
