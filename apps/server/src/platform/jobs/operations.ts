import { type RawBuilder, sql } from "kysely";
import { JOBS_CHANNEL } from "./enqueue.ts";
import type { Executor } from "./types.ts";

/**
 * Whether no job `name` whose payload's `payloadKey` names the row in `idColumn` is still
 * queued or running: the row's job died with its worker (or ran out of attempts) without
 * settling it. For the reconcile passes that mark such rows failed.
 */
export const noLiveJobFor = (name: string, payloadKey: string, idColumn: RawBuilder<string>): RawBuilder<boolean> =>
  sql<boolean>`NOT EXISTS (SELECT 1 FROM jobs
     WHERE jobs.name = ${name} AND jobs.state IN ('queued', 'running')
       AND jobs.payload->>${payloadKey} = ${idColumn}::text)`;

/** What an operator sees of the queue. `dead` is the queue's word for failed for good. */
export async function countJobsByState(db: Executor) {
  const rows = await db
    .selectFrom("jobs")
    .select(["state", (eb) => eb.fn.countAll<number>().as("count")])
    .where("state", "in", ["queued", "running", "dead"])
    .groupBy("state")
    .execute();
  const count = (state: string) => Number(rows.find((row) => row.state === state)?.count ?? 0);
  return { queued: count("queued"), running: count("running"), dead: count("dead") };
}

/** The most recently failed jobs, newest first. */
export async function listDeadJobs(db: Executor, limit: number) {
  return db
    .selectFrom("jobs")
    .select(["id", "name", "attempts", "last_error", "finished_at", "updated_at"])
    .where("state", "=", "dead")
    .orderBy("finished_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export type RequeueOutcome =
  | { outcome: "requeued"; name: string }
  | { outcome: "not_dead"; name?: undefined }
  | { outcome: "not_found"; name?: undefined };

/**
 * Gives a dead job a fresh set of attempts, due now, and wakes the workers. Only a dead job:
 * one still queued or running must not be run twice. The last error stays until a new run
 * replaces it, for whoever looks into why it failed.
 */
export async function requeueDeadJob(db: Executor, jobId: string): Promise<RequeueOutcome> {
  const requeued = await db
    .updateTable("jobs")
    .set({
      state: "queued",
      attempts: 0,
      run_at: sql<Date>`now()`,
      finished_at: null,
      locked_by: null,
      locked_until: null,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", jobId)
    .where("state", "=", "dead")
    .returning("name")
    .executeTakeFirst();
  if (requeued) {
    await sql`SELECT pg_notify(${JOBS_CHANNEL}, ${requeued.name})`.execute(db);
    return { outcome: "requeued", name: requeued.name };
  }
  const exists = await db.selectFrom("jobs").select("id").where("id", "=", jobId).executeTakeFirst();
  return exists ? { outcome: "not_dead" } : { outcome: "not_found" };
}

/**
 * Which of these (job id, attempt) pairs are still being worked on: the job is running that very
 * attempt and its worker keeps renewing the lease. A crashed attempt is not live, even when a
 * later attempt of the same job is; for clean-up passes that remove what dead attempts left.
 */
export async function liveJobAttempts(db: Executor, attempts: { jobId: string; attempt: number }[]) {
  if (attempts.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("jobs")
    .select(["id", "attempts"])
    .where(
      "id",
      "in",
      attempts.map((entry) => entry.jobId),
    )
    .where("state", "=", "running")
    .where("locked_until", ">=", sql<Date>`now()`)
    .execute();
  return new Set(rows.map((row) => `${row.id}:${row.attempts}`));
}
