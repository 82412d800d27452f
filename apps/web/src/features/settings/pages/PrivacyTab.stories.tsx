import type { DataExport, Me } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildCreator,
  buildExpiredExport,
  buildFailedExport,
  buildPendingExport,
  buildReadyExport,
  buildVerifiedUser,
  createMockApi,
  MOCK_PASSWORD,
  MOCK_TOTP_CODE,
} from "../../../mocks/handlers.ts";
import { PrivacyTab } from "./PrivacyTab.tsx";

const meta = {
  title: "Settings/PrivacyTab",
  component: PrivacyTab,
  // The whole app at /settings/privacy, so deleting the account really leaves for the home page.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/settings/privacy",
    docs: {
      description: {
        component: `The mocked password is "${MOCK_PASSWORD}"; the mocked authenticator shows ${MOCK_TOTP_CODE}. A requested export is ready on the second list call, so the page's polling shows it change.`,
      },
    },
  },
} satisfies Meta<typeof PrivacyTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The whole mocked API, signed in as `me` with these exports. */
const api = (me: Me, exports: DataExport[] = []) => ({
  msw: { handlers: createMockApi({ me, exports }).handlersByDomain },
});

/** Nothing requested yet: 3 exports available. */
export const NoExports: Story = { parameters: api(buildVerifiedUser()) };

/** One being prepared (it turns ready on the next poll), one ready to download, one long expired. */
export const PendingAndReady: Story = {
  parameters: api(buildVerifiedUser(), [
    buildPendingExport({ requestedHoursAgo: 0.02 }),
    buildReadyExport({ requestedHoursAgo: 30 }),
    buildExpiredExport({ requestedHoursAgo: 24 * 12 }),
  ]),
};

/** Three requested in the last 24 hours: the button waits until the oldest frees its place. */
export const LimitReached: Story = {
  parameters: api(buildVerifiedUser(), [
    buildReadyExport({ requestedHoursAgo: 1 }),
    buildReadyExport({ requestedHoursAgo: 6 }),
    buildFailedExport({ requestedHoursAgo: 20 }),
  ]),
};

/** A creator deleting the account: keep public tracks or not, password, type DELETE. */
export const DeleteAccount: Story = { parameters: api(buildCreator()) };

/** Two-factor is on: deleting also asks for a code from the authenticator app. */
export const DeleteAccountWithTwoFactor: Story = {
  parameters: api(buildCreator({ twoFactorEnabled: true })),
};
