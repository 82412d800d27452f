import type { TrackSummary } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect } from "react";
import { buildLatestTracks, createMockApi, toSummary } from "../mocks/handlers.ts";
import { withPlayer } from "../test/storyDecorators.tsx";
import { PlayerBar } from "./PlayerBar.tsx";
import { usePlayer } from "./playerContext.ts";

const meta = {
  title: "App/PlayerBar",
  component: PlayerBar,
  decorators: [withPlayer],
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof PlayerBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingPlaying: Story = {};

const fixtures = buildLatestTracks();
/** The tracks the Playing story's mocked API serves and its queue holds. */
export const playingQueue: TrackSummary[] = fixtures.map(toSummary);

/** Starts the queue as a page's Play button would. */
function StartQueue({ tracks }: { tracks: TrackSummary[] }) {
  const { playTracks } = usePlayer();
  useEffect(() => playTracks(tracks, 0), [playTracks, tracks]);
  return null;
}

/**
 * Three tracks queued, the first one playing (a generated tone stands in for the HLS
 * stream). Browsers may hold back sound until the page is clicked: press Play then.
 */
export const Playing: Story = {
  render: () => (
    <>
      <StartQueue tracks={playingQueue} />
      <PlayerBar />
    </>
  ),
  parameters: {
    msw: { handlers: createMockApi({ tracks: fixtures }).handlersByDomain },
  },
};
