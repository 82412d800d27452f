/** Every cached playlists query lives under ["playlists"], so one invalidation refreshes them all. */
export const playlistKeys = {
  all: ["playlists"] as const,
  detail: (id: string) => ["playlists", "detail", id] as const,
  mine: ["playlists", "mine"] as const,
  user: (username: string) => ["playlists", "user", username] as const,
};
