import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { accountsHandlers, buildVerifiedUser, errorResponse } from "../../../mocks/handlers.ts";
import { AccountMenu } from "./AccountMenu.tsx";

const meta = {
  title: "Auth/AccountMenu",
  component: AccountMenu,
  // It lives in the dark header; show it there.
  decorators: [
    (Story) => (
      <header className="app-header">
        <Story />
      </header>
    ),
  ],
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof AccountMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {};

export const SignedIn: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** Signing out fails (the server is down): the menu says so and stays signed in. */
export const SignOutFails: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.post(api.auth.logout.path, () => errorResponse("SERVICE_UNAVAILABLE", "Restarting.")),
          ...accountsHandlers({ me: buildVerifiedUser() }),
        ],
      },
    },
  },
};
