import type { Meta, StoryObj } from "@storybook/react-vite";
import { accountsHandlers, buildVerifiedUser, MOCK_PASSWORD, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { AccessTokens } from "./AccessTokens.tsx";

const meta = {
  title: "Settings/AccessTokens",
  component: AccessTokens,
  decorators: [withSession],
  parameters: {
    docs: {
      description: {
        component: `Confirm with the mocked password (${MOCK_PASSWORD}) or, with 2FA on, the code ${MOCK_TOTP_CODE}.`,
      },
    },
  },
} satisfies Meta<typeof AccessTokens>;

export default meta;
type Story = StoryObj<typeof meta>;

const day = 24 * 3600 * 1000;
const existingTokens = [
  {
    id: "0b6f7a52-3d1e-4c55-9a8e-6f2d1c0a0001",
    name: "backup script",
    scopes: ["read" as const],
    createdAt: new Date(Date.now() - 40 * day).toISOString(),
    lastUsedAt: new Date(Date.now() - day).toISOString(),
    expiresAt: null,
    expired: false,
  },
  {
    id: "0b6f7a52-3d1e-4c55-9a8e-6f2d1c0a0002",
    name: "old uploader",
    scopes: ["read" as const, "write" as const, "upload" as const],
    createdAt: new Date(Date.now() - 100 * day).toISOString(),
    lastUsedAt: null,
    expiresAt: new Date(Date.now() - 10 * day).toISOString(),
    expired: true,
  },
];

/** A listener with no token yet: create one, confirmed with the password. */
export const Empty: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** Two tokens, one of them expired; two-factor on, so a code (not the password) confirms. */
export const WithTokens: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: accountsHandlers({
          me: buildVerifiedUser({ twoFactorEnabled: true }),
          accessTokens: existingTokens,
        }),
      },
    },
  },
};

/** An administrator is offered the admin scope. */
export const Admin: Story = {
  parameters: {
    msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser({ role: "admin" }) }) } },
  },
};
