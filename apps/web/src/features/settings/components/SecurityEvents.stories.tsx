import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import {
  accountsHandlers,
  buildAuditEntry,
  buildVerifiedUser,
  errorResponse,
  minutesAgo,
} from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { SecurityEvents } from "./SecurityEvents.tsx";

const meta = {
  title: "Settings/SecurityEvents",
  component: SecurityEvents,
  decorators: [withSession],
} satisfies Meta<typeof SecurityEvents>;

export default meta;
type Story = StoryObj<typeof meta>;

const ada = buildVerifiedUser();
const events = [
  { action: "user.login", metadata: { success: true, method: "password" } },
  { action: "user.2fa_enable", metadata: {} },
  { action: "user.login", metadata: { success: false, reason: "wrong_second_factor" } },
  { action: "user.password_change", metadata: { otherSessionsRevoked: 2 } },
  { action: "user.upgrade_creator", metadata: { from: "user", to: "creator" } },
  { action: "user.2fa_disable", metadata: {} },
];

/** A few recent events: sign-ins, a failed attempt, a password change. */
export const Recent: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: ada }) } } },
};

/** More than one page: older events load on request. */
export const ManyPages: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: accountsHandlers({
          me: ada,
          securityEvents: Array.from({ length: 26 }, (_, index) =>
            buildAuditEntry({
              actorId: ada.id,
              targetId: ada.id,
              ...events[index % events.length],
              createdAt: minutesAgo(index * 180),
            }),
          ),
        }),
      },
    },
  },
};

/** A personal access token made, then revoked: both are named. */
export const TokenMadeAndRevoked: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: accountsHandlers({
          me: ada,
          securityEvents: [
            buildAuditEntry({
              actorId: ada.id,
              targetId: ada.id,
              action: "user.token_revoke",
              createdAt: minutesAgo(5),
            }),
            buildAuditEntry({
              actorId: ada.id,
              targetId: ada.id,
              action: "user.token_create",
              createdAt: minutesAgo(60),
            }),
          ],
        }),
      },
    },
  },
};

/** A brand-new account with no history. */
export const Empty: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: ada, securityEvents: [] }) } } },
};

export const LoadFails: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.get(api.audit.mySecurityEvents.path, () => errorResponse("INTERNAL", "Database unavailable.")),
          ...accountsHandlers({ me: ada }),
        ],
      },
    },
  },
};
