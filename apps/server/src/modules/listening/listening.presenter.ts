import type { HistoryEntry } from "@stave/contracts";
import { presentTrackSummary } from "../tracks/index.ts";
import type { HistoryRow } from "./history.repo.ts";

/** A track the listener may no longer see shows as unavailable: no title, no creator, nothing of it. */
export function presentHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.entry_id,
    playedAt: new Date(row.played_at).toISOString(),
    listenedMs: row.listened_ms,
    track: row.visible ? presentTrackSummary(row) : null,
  };
}
