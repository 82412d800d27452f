import { sql } from "kysely";
import { type ExportSource, exporter, isoTime, rowsByKey, titleIf } from "../../platform/personal-data/exporter.ts";
import { sharedTrackRule } from "../visibility/index.ts";

/** What the user listened to, when and for how long, oldest first. */
async function* playbackHistory(userId: string, source: ExportSource) {
  const entries = rowsByKey(
    source,
    source.db
      .selectFrom("playback_history as h")
      .innerJoin("tracks as t", "t.id", "h.track_id")
      .select([
        "h.played_at",
        "h.listened_ms",
        "t.id as track_id",
        titleIf(sharedTrackRule.sql({ userId }), sql.ref("t.title")).as("track_title"),
      ])
      .where("h.user_id", "=", userId),
    { at: "h.played_at", id: "h.id" },
  );
  for await (const entry of entries) {
    yield {
      playedAt: isoTime(entry.played_at),
      listenedMs: entry.listened_ms,
      trackId: entry.track_id,
      trackTitle: entry.track_title,
    };
  }
}

/** `playback_history.json`. */
export const playbackHistoryExporter = exporter({
  file: "playback_history.json",
  recordType: "playbackHistory",
  format: "json",
  records: playbackHistory,
});

/** `playback_history.csv`: the same listens, for spreadsheets, under format 1's column names. */
export const playbackHistoryCsvExporter = exporter({
  file: "playback_history.csv",
  recordType: "playbackHistory",
  format: "csv",
  columns: ["at", "listened_ms", "track_id", "track_title"],
  row: (entry) => [entry.playedAt, entry.listenedMs, entry.trackId, entry.trackTitle],
  records: playbackHistory,
});
