import type { Meta, StoryObj } from "@storybook/react-vite";
import { PlayerBar } from "./PlayerBar.tsx";

const meta = {
  title: "App/PlayerBar",
  component: PlayerBar,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof PlayerBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingPlaying: Story = {};
