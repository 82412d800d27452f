import { sql } from "kysely";
import type { Executor, JobName, JobPayloads } from "./types.ts";

export const JOBS_CHANNEL = "stave_jobs";

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  /** Overrides the job type's own attempt limit for this one job. */
  maxAttempts?: number;
  /**
   * Groups jobs (e.g. one creator's tracks.process): at most the job type's `concurrencyPerKey`
   * of a key run at once across every worker; the others wait their turn in order.
   */
  concurrencyKey?: string;
}

/**
 * Adds a job through the caller's executor. Pass the transaction that makes the state
 * change the job acts on: if it rolls back, the job never existed. The NOTIFY that wakes
 * idle workers is transactional too, so it fires only on commit.
 */
export async function enqueue<N extends JobName>(
  db: Executor,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<string> {
  const row = await db
    .insertInto("jobs")
    .values({
      name,
      payload: JSON.stringify(payload),
      max_attempts: options.maxAttempts ?? null,
      concurrency_key: options.concurrencyKey ?? null,
      run_at: options.runAt ?? sql<Date>`now()`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`SELECT pg_notify(${JOBS_CHANNEL}, ${name})`.execute(db);
  return row.id;
}
