import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { accountsHandlers, buildUnverifiedUser, buildVerifiedUser, validationFailed } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { ProfileForm } from "./ProfileForm.tsx";

const meta = {
  title: "Settings/ProfileForm",
  component: ProfileForm,
  decorators: [withSession],
} satisfies Meta<typeof ProfileForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Filled in from the user's profile; saving updates the mocked account. */
export const Filled: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

/** A new account with nothing filled in yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } } },
};

/** The server turns the display name down: its message shows next to the field. */
export const RejectedByServer: Story = {
  parameters: {
    msw: {
      handlers: {
        accounts: [
          http.patch(api.me.updateProfile.path, () =>
            validationFailed([{ path: ["displayName"], message: "This display name is reserved" }]),
          ),
          ...accountsHandlers({ me: buildVerifiedUser() }),
        ],
      },
    },
  },
};
