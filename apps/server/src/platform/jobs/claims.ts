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
 * Claims of job types limited per key take this transaction-scoped lock first, so that two
 * workers cannot both count a key's running jobs, see room for one more, and both claim: the
 * second claim's statement starts after the first has committed and counts its job. The lock
 * is held for the length of one claim statement; claims of other types never take it.
 */
const KEYED_CLAIM_LOCK = sql`hashtext('stave.jobs.claim.per-key')`;

/**
 * Claims the oldest due job of the given types: a queued one whose time has come, or a
 * running one whose worker stopped renewing its lease (crashed). SKIP LOCKED lets many
 * workers claim at once without waiting on each other.
 */
export async function claimNextJob(
  db: Executor,
  workerId: string,
  types: ClaimableType[],
): Promise<ClaimedJob | undefined> {
  if (!types.some((type) => (type.concurrencyPerKey ?? 0) > 0)) return claimStatement(db, workerId, types);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${KEYED_CLAIM_LOCK})`.execute(trx);
    return claimStatement(trx, workerId, types);
  });
}

/**
 * A job whose key already has its type's limit of live running jobs (lease not lapsed) is
 * skipped, not failed: it keeps its place (run_at) and is claimed once one of them ends.
 */
async function claimStatement(db: Executor, workerId: string, types: ClaimableType[]) {
  const { names, leases, limits, perKey } = columns(types);
  const result = await sql<ClaimedJob>`
    WITH types AS (
      SELECT * FROM unnest(${names}::text[], ${leases}::int[], ${limits}::int[], ${perKey}::int[])
        AS t(name, lease, max_attempts, per_key)
    ), next AS (
      SELECT jobs.id FROM jobs JOIN types ON types.name = jobs.name
      WHERE ((jobs.state = 'queued' AND jobs.run_at <= now())
         OR (jobs.state = 'running' AND jobs.locked_until < now()
             AND jobs.attempts < coalesce(jobs.max_attempts, types.max_attempts)))
        AND (jobs.concurrency_key IS NULL OR types.per_key = 0 OR (
          SELECT count(*) FROM jobs AS peer
          WHERE peer.concurrency_key = jobs.concurrency_key AND peer.state = 'running'
            AND peer.locked_until >= now() AND peer.id <> jobs.id) < types.per_key)
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
