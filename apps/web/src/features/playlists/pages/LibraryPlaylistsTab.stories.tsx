import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildPlaylistRecord, createMockApi, minutesAgo, ownerOf } from "../../../mocks/handlers.ts";
import { allTracks, otherListener, playlistOwner, playlistsApi } from "../playlistStoryMocks.ts";
import { LibraryPlaylistsTab } from "./LibraryPlaylistsTab.tsx";

/** 30 playlists: more than a page (24). */
const manyPlaylists = Array.from({ length: 30 }, (_, index) =>
  buildPlaylistRecord({
    title: `Mix No. ${index + 1}`,
    owner: ownerOf(playlistOwner),
    tracks: allTracks.slice(index % 5, (index % 5) + 3),
    createdAt: minutesAgo(60 * (index + 1)),
  }),
);

const meta = {
  title: "Pages/Library/Playlists",
  component: LibraryPlaylistsTab,
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: "/library",
    msw: { handlers: playlistsApi(playlistOwner).handlersByDomain },
  },
} satisfies Meta<typeof LibraryPlaylistsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lin's playlists, newest first, unlisted and private ones marked; “New playlist” opens a dialog. */
export const Playlists: Story = {};

/** More than a page of them: “Show more”. */
export const ManyPlaylists: Story = {
  parameters: {
    msw: {
      handlers: createMockApi({ me: playlistOwner, tracks: allTracks, playlistRecords: manyPlaylists })
        .handlersByDomain,
    },
  },
};

/** Nothing yet: a hint, and the button to make one. */
export const NoPlaylists: Story = {
  parameters: { msw: { handlers: playlistsApi(otherListener).handlersByDomain } },
};

/** The library is personal: signed out, it is the sign-in page. */
export const SignedOut: Story = {
  parameters: { msw: { handlers: playlistsApi().handlersByDomain } },
};
