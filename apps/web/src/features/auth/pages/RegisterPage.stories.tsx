import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { accountsHandlers, errorResponse } from "../../../mocks/handlers.ts";
import { RegisterPage } from "./RegisterPage.tsx";

const meta = {
  title: "Pages/RegisterPage",
  component: RegisterPage,
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/register",
    docs: {
      description: {
        component: "“ada@example.com” and “ada” are taken; the password “password1234” is too weak.",
      },
    },
  },
} satisfies Meta<typeof RegisterPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Sign-ups from this address are throttled. */
export const RateLimited: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.post("/api/v1/auth/register", () =>
            errorResponse("RATE_LIMITED", "Too many sign-ups.", { retryAfterSeconds: 30 }),
          ),
          ...accountsHandlers(),
        ],
      },
    },
  },
};
