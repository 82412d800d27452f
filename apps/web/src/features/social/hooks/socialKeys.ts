import type { FollowDirection } from "../services/socialApi.ts";

/** Every cached social query lives under ["social"]. */
export const socialKeys = {
  all: ["social"] as const,
  track: (id: string) => ["social", "track", id] as const,
  playlist: (id: string) => ["social", "playlist", id] as const,
  comments: (trackId: string) => ["social", "comments", trackId] as const,
  profile: (username: string) => ["social", "profile", username] as const,
  allFollows: ["social", "follows"] as const,
  follows: (username: string, direction: FollowDirection) => ["social", "follows", username, direction] as const,
  feed: ["social", "feed"] as const,
  likedTracks: ["social", "likes", "tracks"] as const,
  likedPlaylists: ["social", "likes", "playlists"] as const,
};
