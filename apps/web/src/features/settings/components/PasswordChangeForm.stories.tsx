import type { Meta, StoryObj } from "@storybook/react-vite";
import { accountsHandlers, buildVerifiedUser, MOCK_PASSWORD } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { PasswordChangeForm } from "./PasswordChangeForm.tsx";

const meta = {
  title: "Settings/PasswordChangeForm",
  component: PasswordChangeForm,
  decorators: [withSession],
} satisfies Meta<typeof PasswordChangeForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The mocked account's current password is MOCK_PASSWORD; anything else answers
 * PASSWORD_INCORRECT, and "password1234" answers WEAK_PASSWORD.
 */
export const Default: Story = {
  parameters: {
    msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } },
    docs: { description: { story: `Current password: “${MOCK_PASSWORD}”.` } },
  },
};
