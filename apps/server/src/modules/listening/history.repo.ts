import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import type { TrackSummaryRow } from "../tracks/index.ts";
import { trackSummaryColumns } from "../tracks/index.ts";
import { trackRule, type Viewer } from "../visibility/index.ts";

/** The history's owner: whether each entry still opens is the track page's rule (staff powers too). */
export type HistoryViewer = NonNullable<Viewer>;

export interface HistoryListQuery {
  limit: number;
  /** The sort key of the last entry of the previous page: its exact played_at and id. */
  after?: Keyset | undefined;
}

export type HistoryRow = TrackSummaryRow & {
  entry_id: string;
  played_at: Date;
  /** played_at to the microsecond, for cursors (a JavaScript Date keeps milliseconds). */
  played_at_key: string;
  listened_ms: number;
  /** Whether the viewer may still see the track (the rule of GET /api/v1/tracks/:id). */
  visible: boolean;
};

/** The viewer's history, newest first, each entry with what a track summary needs. */
export async function listHistory(db: Kysely<DB>, viewer: HistoryViewer, { limit, after }: HistoryListQuery) {
  let query = db
    .selectFrom("playback_history as h")
    .innerJoin("tracks as t", "t.id", "h.track_id")
    .innerJoin("users as tu", "tu.id", "t.owner_id")
    .innerJoin("user_profiles as tp", "tp.user_id", "t.owner_id")
    .select([
      "h.id as entry_id",
      "h.played_at",
      "h.listened_ms",
      timeKey(sql.ref<Date>("h.played_at")).as("played_at_key"),
      trackRule.sql(viewer).as("visible"),
      ...trackSummaryColumns,
    ])
    .where("h.user_id", "=", viewer.userId)
    .orderBy("h.played_at", "desc")
    .orderBy("h.id", "desc")
    .limit(limit + 1);
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("h.played_at"), sql.ref<string>("h.id"), after));
  const rows: HistoryRow[] = await query.execute();
  return rows;
}

export async function deleteHistoryEntry(db: Kysely<DB>, userId: string, entryId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("playback_history")
    .where("id", "=", entryId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function clearHistory(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom("playback_history").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
