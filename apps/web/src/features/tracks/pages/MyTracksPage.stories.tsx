import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildCreator,
  buildFailedTrack,
  buildProcessingTrack,
  buildTrack,
  buildUploadedTrack,
  createMockApi,
  minutesAgo,
  ownerOf,
  withArtwork,
} from "../../../mocks/handlers.ts";
import { MyTracksPage } from "./MyTracksPage.tsx";

export const creator = buildCreator();
const mine = ownerOf(creator);

/** One track in each state, newest first. */
export const myTracks = [
  buildUploadedTrack({ title: "Fresh Upload", owner: mine, createdAt: minutesAgo(1) }),
  buildProcessingTrack({ title: "Halfway There", owner: mine, progress: 40, createdAt: minutesAgo(5) }),
  buildFailedTrack({ title: "Broken Tape", owner: mine, createdAt: minutesAgo(60) }),
  withArtwork(
    buildTrack({ title: "Finished Song", owner: mine, visibility: "unlisted", createdAt: minutesAgo(60 * 24) }),
  ),
];

/** The API of the story with every state, so tests can look at what changed. */
export const everyStateApi = createMockApi({ me: creator, tracks: myTracks });

const meta = {
  title: "Pages/MyTracksPage",
  component: MyTracksPage,
  render: () => <AppRoutes />,
  parameters: { layout: "fullscreen", route: "/me/tracks", msw: { handlers: everyStateApi.handlersByDomain } },
} satisfies Meta<typeof MyTracksPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting, processing (40 %), failed with its reason and a retry, and ready. */
export const EveryState: Story = {};

/** A new creator with nothing uploaded yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: createMockApi({ me: creator, tracks: [] }).handlersByDomain } },
};
