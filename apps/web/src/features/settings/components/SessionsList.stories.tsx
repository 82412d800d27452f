import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { accountsHandlers, buildSession, buildVerifiedUser, errorResponse } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { SessionsList } from "./SessionsList.tsx";

const meta = {
  title: "Settings/SessionsList",
  component: SessionsList,
  decorators: [withSession],
} satisfies Meta<typeof SessionsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** This browser, a phone and a laptop; the other two can be signed out. */
export const SeveralDevices: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** Only signed in here: nothing to sign out. */
export const OnlyThisDevice: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: accountsHandlers({ me: buildVerifiedUser(), sessions: [buildSession({ current: true })] }),
      },
    },
  },
};

/** The list cannot be loaded: an alert with a retry. */
export const LoadFails: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.get(api.me.sessions.path, () => errorResponse("INTERNAL", "Database unavailable.")),
          ...accountsHandlers({ me: buildVerifiedUser() }),
        ],
      },
    },
  },
};
