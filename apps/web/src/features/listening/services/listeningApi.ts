import {
  api,
  type CreatorStats,
  type HistoryPage,
  type PlayProgress,
  type PlayStarted,
  type StatsPeriod,
  type TrackStats,
} from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export const HISTORY_PAGE_SIZE = 20;

/** `?days=` as the contract spells it: the period's number of days as text. */
const periodQuery = (days: StatsPeriod) => ({ days: String(days) as `${StatsPeriod}` });

/** Tells the server listening to `trackId` has started; progress goes to the returned play. */
export function startPlay(trackId: string): Promise<PlayStarted> {
  return callApi(api.listening.startPlay, { params: { id: trackId } });
}

/** How much of the play has been heard in total, in milliseconds. */
export function reportPlayProgress(playId: string, listenedMs: number): Promise<PlayProgress> {
  return callApi(api.listening.reportProgress, { params: { playId }, body: { listenedMs } });
}

export function fetchHistory(cursor?: string, signal?: AbortSignal): Promise<HistoryPage> {
  return callApi(api.listening.history, { query: { limit: HISTORY_PAGE_SIZE, cursor: cursor || undefined }, signal });
}

export function deleteHistoryEntry(entryId: string): Promise<undefined> {
  return callApi(api.listening.removeHistoryEntry, { params: { entryId } });
}

export function clearHistory(): Promise<undefined> {
  return callApi(api.listening.clearHistory);
}

export function fetchCreatorStats(days: StatsPeriod, signal?: AbortSignal): Promise<CreatorStats> {
  return callApi(api.listening.creatorStats, { query: periodQuery(days), signal });
}

export function fetchTrackStats(trackId: string, days: StatsPeriod, signal?: AbortSignal): Promise<TrackStats> {
  return callApi(api.listening.trackStats, { params: { id: trackId }, query: periodQuery(days), signal });
}
