/** Every cached tracks query lives under ["tracks"], so one invalidation refreshes them all. */
export const trackKeys = {
  all: ["tracks"] as const,
  detail: (id: string) => ["tracks", "detail", id] as const,
  latest: ["tracks", "latest"] as const,
  mine: ["tracks", "mine"] as const,
  creator: (username: string) => ["tracks", "creator", username] as const,
};
