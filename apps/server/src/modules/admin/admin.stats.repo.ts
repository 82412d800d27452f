import type { InstanceStats } from "@stave/contracts";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { countJobsByState } from "../../platform/jobs/index.ts";

/** Days in the per-day series, today (UTC) included. */
const SERIES_DAYS = 30;

type DayCount = { day: string; count: number };

/**
 * Counts per UTC day over the last 30 days, oldest first, days with nothing included.
 * `perDay` selects (day, count) for the days it has, already limited to the window.
 */
async function lastThirtyDays(db: Kysely<DB>, perDay: (since: RawBuilder<unknown>) => RawBuilder<unknown>) {
  const since = sql`((now() AT TIME ZONE 'UTC')::date - ${SERIES_DAYS - 1}::int)`;
  const result = await sql<DayCount>`
    WITH counted AS (${perDay(since)})
    SELECT to_char(series.day, 'YYYY-MM-DD') AS day, coalesce(counted.count, 0)::int AS count
    FROM generate_series(${since}, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS series(day)
    LEFT JOIN counted ON counted.day = series.day::date
    ORDER BY series.day`.execute(db);
  return result.rows;
}

const tally = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));

/** The instance at a glance. Each figure is one aggregate over an indexed or small table. */
export async function readInstanceStats(db: Kysely<DB>): Promise<InstanceStats> {
  const [roles, suspended, signupsPerDay, statuses, storage, playsPerDay, jobs, openReports] = await Promise.all([
    db
      .selectFrom("users")
      .select(["role as key", (eb) => eb.fn.countAll<number>().as("count")])
      .where("deleted_at", "is", null)
      .groupBy("role")
      .execute(),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("suspended_at", "is not", null)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
    lastThirtyDays(
      db,
      (since) => sql`
        SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS count FROM users
        WHERE created_at >= ${since}::timestamp AT TIME ZONE 'UTC' GROUP BY 1`,
    ),
    db
      .selectFrom("tracks")
      .select(["status as key", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("status")
      .execute(),
    db
      .selectFrom("tracks")
      .select(sql<number>`coalesce(sum(original_size), 0)::bigint`.as("bytes"))
      .executeTakeFirstOrThrow(),
    lastThirtyDays(
      db,
      (since) => sql`SELECT day, sum(plays) AS count FROM track_play_days WHERE day >= ${since} GROUP BY day`,
    ),
    countJobsByState(db),
    db
      .selectFrom("reports")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "=", "open")
      .executeTakeFirstOrThrow(),
  ]);
  return {
    usersByRole: tally(roles),
    suspendedUsers: Number(suspended.count),
    signupsPerDay,
    tracksByStatus: tally(statuses),
    storageUsedBytes: Number(storage.bytes),
    playsPerDay,
    jobs: { queued: jobs.queued, running: jobs.running, failed: jobs.dead },
    openReports: Number(openReports.count),
  };
}
