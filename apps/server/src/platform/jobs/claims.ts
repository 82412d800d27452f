import { sql } from "kysely";
import type { JobsTable } from "../db/schema.ts";
import type { Executor } from "./types.ts";

/** What a worker needs to know per job type to claim and expire its jobs. */
export interface ClaimableType {
  name: string;
  leaseSeconds: number;
  maxAttempts: number;
  /** At most this many jobs of one concurrency key run at once; undefined or 0: no limit. */
  concurrencyPerKey?: number;
}

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number | null;
}

const columns = (types: ClaimableType[]) => ({
  names: types.map((type) => type.name),
  leases: types.map((type) => type.leaseSeconds),
  limits: types.map((type) => type.maxAttempts),
  perKey: types.map((type) => type.concurrencyPerKey ?? 0),
});

/**
 * Claims of jobs limited per key take this transaction-scoped lock first, so that two workers
 * cannot both count a key's running jobs, see room for one more, and both claim: the second
 * claim's statement starts after the first has committed and counts its job. It is held for
 * one keyed claim statement; claims of jobs without a key (mail, exports, cron) never take it
 * and never wait for it.
 */
const KEYED_CLAIM_LOCK = sql`hashtext('stave.jobs.claim.per-key')`;

/** "free": jobs claimed with no lock (their type has no per-key limit, or they carry no key); "keyed": the rest. */
type Group = "free" | "keyed";

/**
 * Claims the oldest due job of the given types: a queued one whose time has come, or a
 * running one whose worker stopped renewing its lease (crashed). SKIP LOCKED lets many
 * workers claim at once without waiting on each other.
 *
 * With per-key limits, a cheap look first finds which kind of job is oldest, so that order
 * holds across both; the claim of that kind is tried first, then the other (the one looked at
 * may have gone to another worker meanwhile).
 */
export async function claimNextJob(
  db: Executor,
  workerId: string,
  types: ClaimableType[],
): Promise<ClaimedJob | undefined> {
  if (!types.some((type) => (type.concurrencyPerKey ?? 0) > 0)) return claimStatement(db, workerId, types, "free");
  for (const group of await dueGroupsOldestFirst(db, types)) {
    const job =
      group === "free"
        ? await claimStatement(db, workerId, types, "free")
        : await db.transaction().execute(async (trx) => {
            await sql`SELECT pg_advisory_xact_lock(${KEYED_CLAIM_LOCK})`.execute(trx);
            return claimStatement(trx, workerId, types, "keyed");
          });
    if (job) return job;
  }
  return undefined;
}

const typesTable = (types: ClaimableType[]) => {
  const { names, leases, limits, perKey } = columns(types);
  return sql`SELECT * FROM unnest(${names}::text[], ${leases}::int[], ${limits}::int[], ${perKey}::int[])
        AS t(name, lease, max_attempts, per_key)`;
};

/**
 * The live running jobs per key, counted once per statement (not once per waiting job: a
 * creator with 20,000 queued jobs would otherwise cost 20,000 counts per claim).
 */
const busyKeys = sql`SELECT concurrency_key, count(*) AS running FROM jobs
        WHERE state = 'running' AND locked_until >= now() AND concurrency_key IS NOT NULL
        GROUP BY concurrency_key`;

const isDue = sql`((jobs.state = 'queued' AND jobs.run_at <= now())
         OR (jobs.state = 'running' AND jobs.locked_until < now()
             AND jobs.attempts < coalesce(jobs.max_attempts, types.max_attempts)))`;

const isFree = sql`(jobs.concurrency_key IS NULL OR types.per_key = 0)`;

/** A keyed job whose key has room: fewer live running jobs than its type's limit. */
const hasRoom = sql`(jobs.concurrency_key IS NOT NULL AND types.per_key > 0
          AND coalesce(busy.running, 0) < types.per_key)`;

/** Which kinds of job are due and claimable now, the one holding the oldest job first. */
async function dueGroupsOldestFirst(db: Executor, types: ClaimableType[]): Promise<Group[]> {
  const result = await sql<{ free: Date | null; keyed: Date | null }>`
    WITH types AS (${typesTable(types)}), busy AS (${busyKeys})
    SELECT
      (SELECT min(jobs.run_at) FROM jobs JOIN types ON types.name = jobs.name
        WHERE ${isDue} AND ${isFree}) AS free,
      (SELECT min(jobs.run_at) FROM jobs JOIN types ON types.name = jobs.name
        LEFT JOIN busy ON busy.concurrency_key = jobs.concurrency_key
        WHERE ${isDue} AND ${hasRoom}) AS keyed`.execute(db);
  const row = result.rows[0];
  const due = (["free", "keyed"] as const).flatMap((group) => (row?.[group] ? [{ group, at: row[group] }] : []));
  return due.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()).map((entry) => entry.group);
}

/**
 * A job whose key already has its type's limit of live running jobs (lease not lapsed) is
 * skipped, not failed: it keeps its place (run_at) and is claimed once one of them ends.
 */
async function claimStatement(db: Executor, workerId: string, types: ClaimableType[], group: Group) {
  // Only a keyed claim needs the running counts.
  const keyed = group === "keyed";
  const result = await sql<ClaimedJob>`
    WITH types AS (${typesTable(types)}), ${keyed ? sql`busy AS (${busyKeys}),` : sql``} next AS (
      SELECT jobs.id FROM jobs JOIN types ON types.name = jobs.name
        ${keyed ? sql`LEFT JOIN busy ON busy.concurrency_key = jobs.concurrency_key` : sql``}
      WHERE ${isDue} AND ${keyed ? hasRoom : isFree}
      ORDER BY jobs.run_at
      LIMIT 1
      FOR UPDATE OF jobs SKIP LOCKED
    )
    UPDATE jobs SET
      state = 'running',
      attempts = jobs.attempts + 1,
      locked_by = ${workerId},
      locked_until = now() + make_interval(secs => types.lease),
      updated_at = now()
    FROM next, types
    WHERE jobs.id = next.id AND types.name = jobs.name
    RETURNING jobs.id, jobs.name, jobs.payload, jobs.attempts, jobs.max_attempts`.execute(db);
  return result.rows[0];
}

/** Declares dead the jobs whose worker vanished on their last allowed attempt. */
export async function buryAbandonedJobs(db: Executor, types: ClaimableType[]): Promise<number> {
  const { names, limits } = columns(types);
  const result = await sql`
    UPDATE jobs SET state = 'dead', finished_at = now(), updated_at = now(), locked_by = NULL,
      locked_until = NULL,
      last_error = coalesce(last_error || E'\n', '') || 'worker lost during the last attempt'
    FROM unnest(${names}::text[], ${limits}::int[]) AS t(name, max_attempts)
    WHERE jobs.name = t.name AND jobs.state = 'running' AND jobs.locked_until < now()
      AND jobs.attempts >= coalesce(jobs.max_attempts, t.max_attempts)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Extends a running job's lease; false when the claim was lost to another worker. */
export async function renewLease(db: Executor, jobId: string, workerId: string, leaseSeconds: number) {
  const result = await db
    .updateTable("jobs")
    .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "=", jobId)
    .where("locked_by", "=", workerId)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const releasedClaim = { locked_by: null, locked_until: null, updated_at: sql<Date>`now()` } satisfies Partial<
  Record<keyof JobsTable, unknown>
>;

export async function markSucceeded(db: Executor, jobId: string, workerId: string) {
  await db
    .updateTable("jobs")
    .set({ ...releasedClaim, state: "succeeded", finished_at: sql<Date>`now()` })
    .where("id", "=", jobId)
    .where("locked_by", "=", workerId)
    .execute();
}

/** Records a failed attempt: queued again after `retryInSeconds`, or dead when none is given. */
export async function markFailed(
  db: Executor,
  jobId: string,
  workerId: string,
  error: string,
  retryInSeconds: number | null,
) {
  const retry = retryInSeconds !== null;
  await db
    .updateTable("jobs")
    .set({
      ...releasedClaim,
      state: retry ? "queued" : "dead",
      last_error: error.slice(0, 4000),
      run_at: retry ? sql<Date>`now() + make_interval(secs => ${retryInSeconds})` : sql<Date>`run_at`,
      finished_at: retry ? null : sql<Date>`now()`,
    })
    .where("id", "=", jobId)
    .where("locked_by", "=", workerId)
    .execute();
}
