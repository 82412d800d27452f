import type { Meta, StoryObj } from "@storybook/react-vite";
import { withPlayer, withSignedInCaption } from "../../../test/storyDecorators.tsx";
import { TrackList } from "../../tracks/index.ts";
import { looseTrack, mixTracks, otherListener, playlistOwner, playlistsApi } from "../playlistStoryMocks.ts";
import { AddToPlaylistMenu } from "./AddToPlaylistMenu.tsx";

const nightDrive = mixTracks[0] ?? looseTrack;

const meta = {
  title: "Playlists/AddToPlaylistMenu",
  component: AddToPlaylistMenu,
  decorators: [withSignedInCaption],
  args: { track: nightDrive },
  parameters: { msw: { handlers: playlistsApi(playlistOwner).handlersByDomain } },
} satisfies Meta<typeof AddToPlaylistMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * As on a track's page. Lin's playlists: “Late Night Mix” already has Night Drive (the
 * server answers 409, the menu says “Already in this playlist”), the others take it.
 */
export const OnTrackPage: Story = {};

/** The compact “+” of a track list row. */
export const Compact: Story = { args: { variant: "icon" } };

/** Someone with no playlist yet: only “New playlist…”, which creates one and adds the track. */
export const NoPlaylistsYet: Story = {
  parameters: { msw: { handlers: playlistsApi(otherListener).handlersByDomain } },
};

/** Signed out: nothing to show. */
export const SignedOut: Story = {
  parameters: { msw: { handlers: playlistsApi().handlersByDomain } },
};

/** In a list of tracks, each row has its “+”. */
export const InTrackList: Story = {
  decorators: [withPlayer],
  render: () => <TrackList tracks={[...mixTracks, looseTrack]} label="Tracks to add" />,
};
