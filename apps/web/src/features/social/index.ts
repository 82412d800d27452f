// What the app and other features may use of social; everything else in this folder is its own.
export { CommentMarkers } from "./components/CommentMarkers.tsx";
export { CreatorHeader } from "./components/CreatorHeader.tsx";
export { PlaylistLikeButton } from "./components/PlaylistLikeButton.tsx";
export { TrackComments } from "./components/TrackComments.tsx";
export { TrackSocialButtons } from "./components/TrackSocialButtons.tsx";
export { useFeed, useLikedPlaylists, useLikedTracks } from "./hooks/useSocialLists.ts";
export { FollowsPage } from "./pages/FollowsPage.tsx";
