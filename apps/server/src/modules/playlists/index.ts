/** Playlists: playlists and their tracks (tables `playlists`, `playlist_tracks`). */

export { erasePlaylists } from "./playlists.erase.ts";
export { playlistsExporter } from "./playlists.export.ts";
export {
  findPlaylistAccess,
  lockPlaylistForReference,
  lockPlaylistForTakedown,
  setPlaylistTakedown,
} from "./playlists.repo.ts";
export { registerPlaylistRoutes } from "./playlists.routes.ts";
export { getPlaylist, loadPlaylistSummaries } from "./playlists.service.ts";
