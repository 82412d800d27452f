import { api } from "@stave/contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http } from "msw";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import {
  emptyCrate,
  lateNightMix,
  otherListener,
  playlistOwner,
  playlistsApi,
  secretSketches,
} from "../playlistStoryMocks.ts";
import { PlaylistPage } from "./PlaylistPage.tsx";

const meta = {
  title: "Pages/PlaylistPage",
  component: PlaylistPage,
  // The whole app, so Play reaches the real player bar.
  render: () => <AppRoutes />,
  parameters: {
    layout: "fullscreen",
    route: `/playlists/${lateNightMix.id}`,
    msw: { handlers: playlistsApi(playlistOwner).handlersByDomain },
  },
} satisfies Meta<typeof PlaylistPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Lin's playlist as Lin sees it: Edit, Delete, and per track Move up/down, Remove, drag to reorder. */
export const AsOwner: Story = {};

/** Someone signed out: the mosaic cover, details and Play; nothing to change, Lin's processing demo hidden. */
export const AsVisitor: Story = {
  parameters: { msw: { handlers: playlistsApi().handlersByDomain } },
};

/** No tracks yet: a placeholder cover, and Play has nothing to play. */
export const EmptyPlaylist: Story = {
  parameters: { route: `/playlists/${emptyCrate.id}` },
};

/** Eight tracks to reorder: drag a row, or use Move up/down (Alt+Arrow Up/Down anywhere in a row). */
export const Reordering: Story = {
  parameters: { route: `/playlists/${secretSketches.id}` },
};

const conflictApi = playlistsApi(playlistOwner);

/** The playlist changed elsewhere meanwhile: the server refuses the new order, the page says so and reloads. */
export const ReorderConflict: Story = {
  parameters: {
    msw: {
      handlers: {
        ...conflictApi.handlersByDomain,
        playlists: [
          http.put(api.playlists.reorder.path, () =>
            errorResponse(
              "PLAYLIST_ORDER_MISMATCH",
              "The new order must list exactly the playlist's current tracks, each once; reload the playlist and try again",
              { details: { missing: [], unexpected: [] } },
            ),
          ),
          ...conflictApi.handlersByDomain.playlists,
        ],
      },
    },
  },
};

/** Someone else's private playlist is "not found", exactly like one that never existed. */
export const PrivateOfSomeoneElse: Story = {
  parameters: {
    route: `/playlists/${secretSketches.id}`,
    msw: { handlers: playlistsApi(otherListener).handlersByDomain },
  },
};
