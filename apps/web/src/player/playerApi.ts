import type { QueryClient } from "@tanstack/react-query";
import type { PlayReportingApi } from "./playReporter.ts";

/**
 * What the player needs from the server. The features own those calls (tracks the stream
 * URL, listening the plays) and the player sits below the features, so the app hands them
 * in (app/playerApi.ts) instead of the player importing them.
 */
export type PlayerApi = PlayReportingApi & {
  /** A fresh signed stream URL for a track. */
  fetchStreamUrl: (trackId: string, signal: AbortSignal) => Promise<{ url: string }>;
  /** A play has started: refresh what lists plays (the listener's history). */
  playStarted: (queryClient: QueryClient) => void;
};
