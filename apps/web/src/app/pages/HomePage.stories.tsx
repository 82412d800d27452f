import type { Meta, StoryObj } from "@storybook/react-vite";
import { createMockApi } from "../../mocks/handlers.ts";
import { withPlayer } from "../../test/storyDecorators.tsx";
import { HomePage } from "./HomePage.tsx";

const meta = {
  title: "Pages/HomePage",
  component: HomePage,
  decorators: [withPlayer],
} satisfies Meta<typeof HomePage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The welcome and the latest public tracks. */
export const Default: Story = {};

/** A fresh instance: nothing published yet. */
export const NoTracksYet: Story = {
  parameters: { msw: { handlers: createMockApi({ tracks: [] }).handlersByDomain } },
};
