import { type Kysely, type QueryCreator, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { TrackSummaryRow } from "../tracks/index.ts";
import { trackSummaryColumns } from "../tracks/index.ts";

/**
 * Creator stats. Every query reads the aggregates (track_play_days, track_listeners),
 * never raw plays, so a year of a popular catalogue costs what its days and listeners do.
 */

export interface Period {
  /** First and last UTC day, inclusive ("YYYY-MM-DD"). */
  from: string;
  to: string;
}

/** The `days` days ending today (UTC, by the database's clock, as counting books them). */
export async function periodEndingToday(db: Kysely<DB>, days: number): Promise<Period> {
  const { rows } = await sql<Period>`
    SELECT ((now() AT TIME ZONE 'UTC')::date - ${days - 1}::int)::text AS "from",
           (now() AT TIME ZONE 'UTC')::date::text AS "to"`.execute(db);
  const period = rows[0];
  if (!period) throw new Error("no period");
  return period;
}

const ownedBy = (db: QueryCreator<DB>, ownerId: string) =>
  db.selectFrom("tracks").select("tracks.id").where("tracks.owner_id", "=", ownerId);

/** Plays per day over all of the owner's tracks (days without plays are absent). */
export async function ownerPlaysPerDay(db: Kysely<DB>, ownerId: string, period: Period) {
  return db
    .selectFrom("track_play_days")
    .select(["day", (eb) => eb.fn.sum<number>("plays").as("plays")])
    .where("track_id", "in", ownedBy(db, ownerId))
    .where("day", ">=", period.from)
    .where("day", "<=", period.to)
    .groupBy("day")
    .execute();
}

/** Distinct listeners of any of the owner's tracks whose last counted play is in the period. */
export async function ownerListeners(db: Kysely<DB>, ownerId: string, period: Period): Promise<number> {
  const row = await db
    .selectFrom("track_listeners")
    .select(sql<number>`count(DISTINCT listener_key)`.as("listeners"))
    .where("track_id", "in", ownedBy(db, ownerId))
    .where("last_played_on", ">=", period.from)
    .executeTakeFirst();
  return Number(row?.listeners ?? 0);
}

export type TrackPlaysRow = TrackSummaryRow & { plays: number; listeners: number | null };

/** The owner's most played tracks of the period, with their listeners in it. */
export async function topTracks(
  db: Kysely<DB>,
  ownerId: string,
  period: Period,
  limit: number,
): Promise<TrackPlaysRow[]> {
  return db
    .with("top", (qc) =>
      qc
        .selectFrom("track_play_days")
        .select(["track_id", (eb) => eb.fn.sum<number>("plays").as("plays")])
        .where("track_id", "in", ownedBy(qc, ownerId))
        .where("day", ">=", period.from)
        .where("day", "<=", period.to)
        .groupBy("track_id")
        .having((eb) => eb.fn.sum("plays"), ">", 0)
        .orderBy("plays", "desc")
        .orderBy("track_id")
        .limit(limit),
    )
    .selectFrom("top")
    .innerJoin("tracks as t", "t.id", "top.track_id")
    .innerJoin("users as tu", "tu.id", "t.owner_id")
    .innerJoin("user_profiles as tp", "tp.user_id", "t.owner_id")
    .select([
      "top.plays",
      (eb) =>
        eb
          .selectFrom("track_listeners as l")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("l.track_id", "=", "t.id")
          .where("l.last_played_on", ">=", period.from)
          .as("listeners"),
      ...trackSummaryColumns,
    ])
    .orderBy("top.plays", "desc")
    .orderBy("t.id")
    .execute();
}

/** One track with what a summary needs, if `ownerId` owns it. */
export async function findOwnedTrack(db: Kysely<DB>, ownerId: string, trackId: string) {
  return db
    .selectFrom("tracks as t")
    .innerJoin("users as tu", "tu.id", "t.owner_id")
    .innerJoin("user_profiles as tp", "tp.user_id", "t.owner_id")
    .select(trackSummaryColumns)
    .where("t.id", "=", trackId)
    .where("t.owner_id", "=", ownerId)
    .executeTakeFirst();
}

export async function trackPlaysPerDay(db: Kysely<DB>, trackId: string, period: Period) {
  return db
    .selectFrom("track_play_days")
    .select(["day", "plays", "listeners"])
    .where("track_id", "=", trackId)
    .where("day", ">=", period.from)
    .where("day", "<=", period.to)
    .execute();
}

export async function trackListeners(db: Kysely<DB>, trackId: string, period: Period): Promise<number> {
  const row = await db
    .selectFrom("track_listeners")
    .select(sql<number>`count(*)`.as("listeners"))
    .where("track_id", "=", trackId)
    .where("last_played_on", ">=", period.from)
    .executeTakeFirst();
  return Number(row?.listeners ?? 0);
}
