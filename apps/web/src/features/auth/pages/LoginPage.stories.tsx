import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { accountsHandlers, errorResponse, MOCK_PASSWORD, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { LoginPage } from "./LoginPage.tsx";

const meta = {
  title: "Pages/LoginPage",
  component: LoginPage,
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/login",
    docs: {
      description: {
        component: `Sign in as “ada” (no 2FA) or “grace” (2FA: code ${MOCK_TOTP_CODE}), password “${MOCK_PASSWORD}”.`,
      },
    },
  },
} satisfies Meta<typeof LoginPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Too many attempts: the server's Retry-After shows in the message. */
export const RateLimited: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.post(api.auth.login.path, () =>
            errorResponse("RATE_LIMITED", "Too many login attempts.", { retryAfterSeconds: 120 }),
          ),
          ...accountsHandlers(),
        ],
      },
    },
  },
};
