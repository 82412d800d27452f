import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import {
  accountsHandlers,
  buildAdmin,
  buildCreator,
  buildUnverifiedUser,
  buildVerifiedUser,
  errorResponse,
} from "../../../mocks/handlers.ts";
import { withSession, withSignedInCaption } from "../../../test/storyDecorators.tsx";
import { AccountSettingsCreatorCard } from "./AccountSettingsCreatorCard.tsx";

const meta = {
  title: "Settings/AccountSettingsCreatorCard",
  component: AccountSettingsCreatorCard,
  // The caption shows whose session it is, which matters where the card renders nothing.
  decorators: [withSignedInCaption, withSession],
} satisfies Meta<typeof AccountSettingsCreatorCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A verified listener: may upgrade, and the mock API really does upgrade them. */
export const Verified: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** Not verified yet: the button is disabled and the card says why, with a way to get a new link. */
export const Unverified: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } } },
};

/** Already a creator: the card renders nothing at all. */
export const HiddenForCreator: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildCreator() }) } } },
};

/** An admin is creator tier too: nothing. */
export const HiddenForAdmin: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildAdmin() }) } } },
};

/** The server says the account was elevated meanwhile (e.g. by an admin): nothing changed. */
export const AlreadyElevated: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.post(api.me.upgradeToCreator.path, () =>
            HttpResponse.json({ role: "admin", promoted_to_creator_at: null, already_elevated: true }),
          ),
          ...accountsHandlers({ me: buildVerifiedUser() }),
        ],
      },
    },
  },
};

/** The upgrade fails on the server: the card says so and nothing changes. */
export const UpgradeFails: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.post(api.me.upgradeToCreator.path, () => errorResponse("INTERNAL", "Database unavailable.")),
          ...accountsHandlers({ me: buildVerifiedUser() }),
        ],
      },
    },
  },
};
