import type { Meta, StoryObj } from "@storybook/react-vite";
import { accountsHandlers, buildVerifiedUser, MOCK_TOTP_CODE } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { TwoFactorSettings } from "./TwoFactorSettings.tsx";

const meta = {
  title: "Settings/TwoFactorSettings",
  component: TwoFactorSettings,
  decorators: [withSession],
  parameters: {
    docs: { description: { component: `The mocked authenticator app always shows ${MOCK_TOTP_CODE}.` } },
  },
} satisfies Meta<typeof TwoFactorSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Off: set it up, scan the QR code, confirm with a code, see the backup codes once. */
export const Off: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** On: make new backup codes, or turn it off with password and code. */
export const On: Story = {
  parameters: {
    msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser({ twoFactorEnabled: true }) }) } },
  },
};
