// What the app and other features may use of playlists; everything else in this folder is its own.
export { AddToPlaylistMenu } from "./components/AddToPlaylistMenu.tsx";
export { CreatorPlaylists } from "./components/CreatorPlaylists.tsx";
export { PlaylistGrid } from "./components/PlaylistGrid.tsx";
export { LibraryPlaylistsTab } from "./pages/LibraryPlaylistsTab.tsx";
export { PlaylistPage } from "./pages/PlaylistPage.tsx";
