import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import {
  buildCreator,
  buildFailedTrack,
  buildProcessingTrack,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  ownerOf,
  withArtwork,
} from "../../../mocks/handlers.ts";
import { TrackPage } from "./TrackPage.tsx";

export const trackOwner = buildCreator({ username: "ada", profile: { displayName: "Ada Lovelace" } });
export const publishedTrack = withArtwork(
  buildTrack({
    title: "Analytical Engine Blues",
    owner: ownerOf(trackOwner),
    description: "A slow blues in twelve bars,\nplayed on a machine that was never built.",
    tags: ["blues", "steampunk"],
    genre: "Blues",
    durationMs: 252_000,
    playCount: 4021,
  }),
);
export const processingTrack = buildProcessingTrack({ title: "Difference Engine", owner: ownerOf(trackOwner) });
export const failedTrack = buildFailedTrack({ title: "Punch Cards", owner: ownerOf(trackOwner) });
const tracks = [publishedTrack, processingTrack, failedTrack];

const meta = {
  title: "Pages/TrackPage",
  component: TrackPage,
  // The whole app, so the Play button reaches the real player bar.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: `/tracks/${publishedTrack.id}`,
    msw: { handlers: createMockApi({ tracks }).handlersByDomain },
  },
} satisfies Meta<typeof TrackPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A visitor: artwork, details, waveform and Play; no way to change the track. */
export const AsListener: Story = {};

/** Another signed-in listener sees the same. */
export const AsOtherUser: Story = {
  parameters: {
    msw: { handlers: createMockApi({ me: buildVerifiedUser({ username: "grace" }), tracks }).handlersByDomain },
  },
};

/** The owner also gets Edit and Delete. */
export const AsOwner: Story = {
  parameters: { msw: { handlers: createMockApi({ me: trackOwner, tracks }).handlersByDomain } },
};

/** The API of the OwnerProcessing story, so a test can finish the processing. */
export const ownerProcessingApi = createMockApi({ me: trackOwner, tracks });

/** The owner, while the track is being processed. */
export const OwnerProcessing: Story = {
  parameters: {
    route: `/tracks/${processingTrack.id}`,
    msw: { handlers: ownerProcessingApi.handlersByDomain },
  },
};

/** The owner of a track whose processing failed: the reason and a retry. */
export const OwnerFailed: Story = {
  parameters: {
    route: `/tracks/${failedTrack.id}`,
    msw: { handlers: createMockApi({ me: trackOwner, tracks }).handlersByDomain },
  },
};

export const NotFound: Story = {
  parameters: { route: "/tracks/00000000-0000-4000-8000-00000000dead" },
};
