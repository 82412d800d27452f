import {
  type CreatorStats,
  creatorStatsSchema,
  type HistoryPage,
  historyPageSchema,
  type PlayProgress,
  type PlayStarted,
  playProgressSchema,
  playStartedSchema,
  type StatsPeriod,
  type TrackStats,
  trackStatsSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export const HISTORY_PAGE_SIZE = 20;

/** Tells the server listening to `trackId` has started; progress goes to the returned play. */
export function startPlay(trackId: string): Promise<PlayStarted> {
  return apiRequest(`/api/v1/tracks/${encodeURIComponent(trackId)}/plays`, {
    method: "POST",
    schema: playStartedSchema,
  });
}

/** How much of the play has been heard in total, in milliseconds. */
export function reportPlayProgress(playId: string, listenedMs: number): Promise<PlayProgress> {
  return apiRequest(`/api/v1/plays/${encodeURIComponent(playId)}/progress`, {
    method: "POST",
    body: { listenedMs },
    schema: playProgressSchema,
  });
}

export function fetchHistory(cursor?: string, signal?: AbortSignal): Promise<HistoryPage> {
  const query = new URLSearchParams({ limit: String(HISTORY_PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/me/history?${query}`, { schema: historyPageSchema, signal });
}

export function deleteHistoryEntry(entryId: string): Promise<undefined> {
  return apiRequest(`/api/v1/me/history/${encodeURIComponent(entryId)}`, { method: "DELETE" });
}

export function clearHistory(): Promise<undefined> {
  return apiRequest("/api/v1/me/history", { method: "DELETE" });
}

export function fetchCreatorStats(days: StatsPeriod, signal?: AbortSignal): Promise<CreatorStats> {
  return apiRequest(`/api/v1/me/stats?days=${days}`, { schema: creatorStatsSchema, signal });
}

export function fetchTrackStats(trackId: string, days: StatsPeriod, signal?: AbortSignal): Promise<TrackStats> {
  return apiRequest(`/api/v1/me/stats/tracks/${encodeURIComponent(trackId)}?days=${days}`, {
    schema: trackStatsSchema,
    signal,
  });
}
