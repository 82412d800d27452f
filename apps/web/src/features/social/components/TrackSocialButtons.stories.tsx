import type { Meta, StoryObj } from "@storybook/react-vite";
import { Route, Routes } from "react-router";
import { toSummary } from "../../../mocks/handlers.ts";
import { withPlayer, withSession } from "../../../test/storyDecorators.tsx";
import { TrackList } from "../../tracks/index.ts";
import {
  lateNightMix,
  lin,
  linSketch,
  nightDrive,
  socialApi,
  socialTracks,
  unlistedDemo,
} from "../socialStoryMocks.ts";
import { PlaylistLikeButton } from "./PlaylistLikeButton.tsx";
import { TrackSocialButtons } from "./TrackSocialButtons.tsx";

// Signed-in stories load the session first (withSession), with the CSRF token a like needs.

/** The API of the signed-in stories, so a test can look at what the server now holds. */
export const signedInApi = socialApi(lin);

const meta = {
  title: "Social/TrackSocialButtons",
  component: TrackSocialButtons,
  // Lower-case exports are fixtures for the tests, not stories.
  excludeStories: /^[a-z]/,
  args: { track: nightDrive, variant: "page" },
  parameters: { msw: { handlers: signedInApi.handlersByDomain } },
} satisfies Meta<typeof TrackSocialButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lin has not liked Night Drive yet: 12 likes, Theo's repost, two comments. Click to like or repost. */
export const SignedIn: Story = { decorators: [withSession] };

/** Lin's own track: liking is fine, reposting it is refused and the button says why. */
export const OwnTrack: Story = { args: { track: linSketch }, decorators: [withSession] };

/** An unlisted track cannot be reposted. */
export const UnlistedTrack: Story = { args: { track: unlistedDemo }, decorators: [withSession] };

/** Signed out: the counts, and a click goes to sign in first (here, a stand-in page). */
export const SignedOut: Story = {
  render: (args) => (
    <Routes>
      <Route path="/" element={<TrackSocialButtons {...args} />} />
      <Route path="/login" element={<p>The sign-in page</p>} />
    </Routes>
  ),
  parameters: { msw: { handlers: socialApi().handlersByDomain } },
};

/** The compact buttons in a track list, one row per track with its own counts. */
export const InATrackList: Story = {
  decorators: [withPlayer, withSession],
  render: () => <TrackList tracks={socialTracks.map(toSummary)} label="Tracks" />,
};

/** The playlist page's Like, with the playlist's count. */
export const PlaylistLike: Story = {
  decorators: [withSession],
  render: () => <PlaylistLikeButton playlist={lateNightMix} />,
};
