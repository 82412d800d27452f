import { playRepeatWindowMinutes } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { incrementPlayCount } from "../tracks/index.ts";

/** Today in UTC, as the database's clock has it: the day a counted play is booked on. */
const today = sql<string>`(now() AT TIME ZONE 'UTC')::date`;

export interface NewPlay {
  trackId: string;
  listenerKey: string;
  durationMs: number | null;
  countsAfterMs: number;
  /** Also write the signed-in listener's history entry for this play. */
  historyUserId: string | null;
}

/** The play, and in the same transaction its history entry. */
export async function insertPlay(db: Kysely<DB>, play: NewPlay): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("play_sessions")
      .values({
        track_id: play.trackId,
        listener_key: play.listenerKey,
        duration_ms: play.durationMs,
        counts_after_ms: play.countsAfterMs,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (play.historyUserId) {
      await trx
        .insertInto("playback_history")
        .values({ user_id: play.historyUserId, track_id: play.trackId, play_id: id })
        .execute();
    }
    return id;
  });
}

/**
 * Locks the track of `listenerKey`'s play `playId` against deletion (FOR KEY SHARE, which
 * other plays' locks and play-count updates do not conflict with) and returns its id, or
 * undefined when there is no such play of this listener.
 *
 * Every transaction that writes a track's listening rows takes this lock first, as deleting
 * the track does (its cascade then reaches those rows): the same order everywhere, so a
 * track deleted mid-play cannot deadlock with a progress report.
 */
export async function lockTrackOfPlay(db: Kysely<DB>, playId: string, listenerKey: string) {
  const row = await db
    .selectFrom("tracks")
    .select("id")
    .where("id", "=", (eb) =>
      eb
        .selectFrom("play_sessions")
        .select("track_id")
        .where("play_sessions.id", "=", playId)
        .where("play_sessions.listener_key", "=", listenerKey),
    )
    .forKeyShare()
    .executeTakeFirst();
  return row?.id;
}

/** The play, locked until the transaction ends: one report at a time decides whether it counts. */
export async function lockPlay(db: Kysely<DB>, playId: string) {
  return db
    .selectFrom("play_sessions")
    .select([
      "id",
      "track_id",
      "duration_ms",
      "counts_after_ms",
      "listened_ms",
      "outcome",
      sql<number>`(extract(epoch FROM now() - started_at) * 1000)::float8`.as("elapsed_ms"),
    ])
    .where("id", "=", playId)
    .forUpdate()
    .executeTakeFirst();
}

export async function savePlayProgress(
  db: Kysely<DB>,
  playId: string,
  listenedMs: number,
  outcome: "counted" | "repeat" | null,
) {
  await db
    .updateTable("play_sessions")
    .set({ listened_ms: listenedMs, outcome, updated_at: sql<Date>`now()` })
    .where("id", "=", playId)
    .execute();
}

export async function updateHistoryListened(db: Kysely<DB>, playId: string, listenedMs: number) {
  await db
    .updateTable("playback_history")
    .set({ listened_ms: listenedMs, updated_at: sql<Date>`now()` })
    .where("play_id", "=", playId)
    .execute();
}

/**
 * Counts a play of `trackId` by `listenerKey` unless one of theirs counted within the repeat
 * window; true when it counted. Run inside the transaction holding the play's lock.
 *
 * Exact under concurrency: the listener's track_listeners row is locked (FOR UPDATE, or
 * held by the INSERT that creates it) before the window is checked, so two plays of one
 * listener decide one after the other, the second seeing the first's count; the counters
 * are incremented in place (`plays + 1`), which PostgreSQL serialises per row; and all of
 * it commits or rolls back together with the play's outcome.
 */
export async function countPlay(db: Kysely<DB>, trackId: string, listenerKey: string): Promise<boolean> {
  const created = await db
    .insertInto("track_listeners")
    .values({
      track_id: trackId,
      listener_key: listenerKey,
      last_counted_at: sql<Date>`now()`,
      last_played_on: today,
    })
    .onConflict((conflict) => conflict.columns(["track_id", "listener_key"]).doNothing())
    .returning("plays")
    .executeTakeFirst();

  let firstToday = true;
  if (!created) {
    const known = await db
      .selectFrom("track_listeners")
      .select([
        sql<boolean>`last_counted_at > now() - make_interval(mins => ${playRepeatWindowMinutes})`.as("recent"),
        sql<boolean>`last_played_on < ${today}`.as("first_today"),
      ])
      .where("track_id", "=", trackId)
      .where("listener_key", "=", listenerKey)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (known.recent) return false;
    firstToday = known.first_today;
    await db
      .updateTable("track_listeners")
      .set({
        last_counted_at: sql<Date>`now()`,
        last_played_on: today,
        plays: sql<number>`plays + 1`,
      })
      .where("track_id", "=", trackId)
      .where("listener_key", "=", listenerKey)
      .execute();
  }

  await incrementPlayCount(db, trackId);
  await db
    .insertInto("track_play_days")
    .values({ track_id: trackId, day: today, plays: 1, listeners: firstToday ? 1 : 0 })
    .onConflict((conflict) =>
      conflict.columns(["track_id", "day"]).doUpdateSet({
        plays: sql<number>`track_play_days.plays + 1`,
        listeners: sql<number>`track_play_days.listeners + excluded.listeners`,
      }),
    )
    .execute();
  return true;
}

/** Plays untouched for `days`: their count was decided long ago, history keeps its own copy. */
export async function prunePlays(db: Kysely<DB>, days: number): Promise<number> {
  const result = await db
    .deleteFrom("play_sessions")
    .where("updated_at", "<", sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
