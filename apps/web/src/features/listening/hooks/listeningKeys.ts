import type { StatsPeriod } from "@stave/contracts";

/** Every cached listening query lives under ["listening"]. */
export const listeningKeys = {
  all: ["listening"] as const,
  history: ["listening", "history"] as const,
  stats: (days: StatsPeriod) => ["listening", "stats", days] as const,
  trackStats: (trackId: string, days: StatsPeriod) => ["listening", "stats", "track", trackId, days] as const,
};
