import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildHistoryEntry,
  buildLatestTracks,
  buildListeningHistory,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  minutesAgo,
  THEO,
  withArtwork,
} from "../../../mocks/handlers.ts";
import { HistoryPage } from "./HistoryPage.tsx";

export const listener = buildVerifiedUser({ username: "lin", profile: { displayName: "Lin" } });

const latest = buildLatestTracks();
/** Made private by Theo after Lin heard it: shown as unavailable. */
export const hiddenTrack = buildTrack({ title: "Withdrawn Demo", owner: THEO, visibility: "private" });
const tracks = [
  ...latest,
  withArtwork(buildTrack({ title: "Glass Harbour", genre: "Ambient", durationMs: 281_000, playCount: 402 })),
  hiddenTrack,
];
const playable = tracks.filter((track) => track !== hiddenTrack).map((track) => track.id);

/** 25 plays, newest first, one of them of a track gone private: a page of 20 and "Show more". */
export const longHistory = [
  ...buildListeningHistory(listener.id, playable, 24),
  buildHistoryEntry({ userId: listener.id, trackId: hiddenTrack.id, playedAt: minutesAgo(60 * 24 * 3) }),
];

/** The API of the story with a long history, so tests can look at what changed. */
export const historyApi = createMockApi({ me: listener, tracks, history: longHistory });

const meta = {
  title: "Pages/HistoryPage",
  component: HistoryPage,
  // Fixtures the tests share are exported in lower case; stories are PascalCase.
  excludeStories: /^[a-z]/,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/library/history", msw: { handlers: historyApi.handlersByDomain } },
} satisfies Meta<typeof HistoryPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What Lin heard lately, when and for how long; one track has since gone private. */
export const Recent: Story = {};

/** Nobody has played anything yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: createMockApi({ me: listener, tracks }).handlersByDomain } },
};
