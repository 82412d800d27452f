import type { Meta, StoryObj } from "@storybook/react-vite";
import { type ComponentProps, useState } from "react";
import { buildWaveform } from "../../../mocks/handlers.ts";
import { Waveform } from "./Waveform.tsx";

/** Holds the position so the waveform can be clicked and keyed through in Storybook. */
function SeekableWaveform(props: Omit<ComponentProps<typeof Waveform>, "onSeek">) {
  const [currentTime, setCurrentTime] = useState(props.currentTime);
  return <Waveform {...props} currentTime={currentTime} onSeek={setCurrentTime} />;
}

const meta = {
  title: "Tracks/Waveform",
  component: SeekableWaveform,
  args: { peaks: buildWaveform(11), duration: 214, currentTime: 0, label: "Position in Night Drive" },
} satisfies Meta<typeof SeekableWaveform>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NotStarted: Story = {};

/** A third of the way in: the played bars in the accent colour. */
export const PartlyPlayed: Story = { args: { currentTime: 71 } };

/** Fewer, wider bars, as a narrow layout might want. */
export const FewBars: Story = { args: { currentTime: 107, bars: 40 } };
