// What the app and other features may use of tracks; everything else in this folder is its own.
export { LatestTracks } from "./components/LatestTracks.tsx";
export { TrackList } from "./components/TrackList.tsx";
export { CreatorPage } from "./pages/CreatorPage.tsx";
export { MyTracksPage } from "./pages/MyTracksPage.tsx";
export { TrackPage } from "./pages/TrackPage.tsx";
export { UploadPage } from "./pages/UploadPage.tsx";
export type { TrackStatusListener } from "./services/trackEvents.ts";
export { fetchStreamUrl } from "./services/tracksApi.ts";
