import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  accountsHandlers,
  buildInvite,
  createMockApi,
  errorResponse,
  MOCK_INVITE_CODE,
  type MockAdminSeed,
} from "../../../mocks/handlers.ts";
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
          http.post(api.auth.register.path, () =>
            errorResponse("RATE_LIMITED", "Too many sign-ups.", { retryAfterSeconds: 30 }),
          ),
          ...accountsHandlers(),
        ],
      },
    },
  },
};

/** Signed out, on an instance whose admin chose `settings` (and made `invites`). */
function instanceWith(admin: Omit<MockAdminSeed, "social">) {
  return { msw: { handlers: createMockApi({ admin }).handlersByDomain } };
}

/** Invite only: an invite code is needed (the mock takes “WELCOME-STAVE-2025”). */
export const InviteOnly: Story = {
  parameters: instanceWith({ settings: { registrationMode: "invite" }, invites: [buildInvite()] }),
};

/** Invite only, followed from an invite link: the code is filled in. */
export const InviteLink: Story = {
  parameters: {
    ...instanceWith({ settings: { registrationMode: "invite" }, invites: [buildInvite()] }),
    route: `/register?invite=${MOCK_INVITE_CODE}`,
  },
};

/** Closed: no form, just the news. */
export const Closed: Story = { parameters: instanceWith({ settings: { registrationMode: "closed" } }) };

/** The operator wrote terms and a privacy policy: each folds out above the button. */
export const WithTerms: Story = {
  parameters: instanceWith({
    settings: {
      termsText: "1. Be kind.\n2. Upload only what you have the rights to.\n3. No spam.",
      privacyText: "We keep your email address to sign you in, and nothing else about you is sold or shared.",
    },
  }),
};
