import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { ForgotPasswordPage } from "./ForgotPasswordPage.tsx";

const meta = {
  title: "Pages/ForgotPasswordPage",
  component: ForgotPasswordPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/forgot-password" },
} satisfies Meta<typeof ForgotPasswordPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
