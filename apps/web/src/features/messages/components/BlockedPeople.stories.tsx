import type { Meta, StoryObj } from "@storybook/react-vite";
import { withSession } from "../../../test/storyDecorators.tsx";
import { messagingApi } from "../messagingStoryMocks.ts";
import { BlockedPeople } from "./BlockedPeople.tsx";

const meta = {
  title: "Settings/BlockedPeople",
  component: BlockedPeople,
  decorators: [withSession],
} satisfies Meta<typeof BlockedPeople>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two people blocked, each with Unblock. */
export const SomeBlocked: Story = {
  parameters: { msw: { handlers: messagingApi({ blocked: ["linus", "alan"] }).handlersByDomain } },
};

/** Nobody blocked. */
export const NobodyBlocked: Story = {
  parameters: { msw: { handlers: messagingApi().handlersByDomain } },
};
