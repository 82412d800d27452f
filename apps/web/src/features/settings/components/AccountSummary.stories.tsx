import type { Meta, StoryObj } from "@storybook/react-vite";
import { accountsHandlers, buildCreator, buildUnverifiedUser, buildVerifiedUser } from "../../../mocks/handlers.ts";
import { withSession } from "../../../test/storyDecorators.tsx";
import { AccountSummary } from "./AccountSummary.tsx";

const meta = {
  title: "Settings/AccountSummary",
  component: AccountSummary,
  decorators: [withSession],
} satisfies Meta<typeof AccountSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const VerifiedListener: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildVerifiedUser() }) } } },
};

export const UnverifiedListener: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildUnverifiedUser() }) } } },
};

export const Creator: Story = {
  parameters: { msw: { handlers: { accounts: accountsHandlers({ me: buildCreator() }) } } },
};
