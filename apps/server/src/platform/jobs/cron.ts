import { CronExpressionParser } from "cron-parser";
import { sql } from "kysely";
import { enqueue } from "./enqueue.ts";
import type { Executor, JobDefinition, JobName } from "./types.ts";

/** The latest occurrence of a cron expression at or before `now` (UTC). */
export function latestOccurrence(expression: string, now: Date): Date {
  const schedule = CronExpressionParser.parse(expression, {
    currentDate: new Date(now.getTime() + 1000),
    tz: "UTC",
  });
  return schedule.prev().toDate();
}

/**
 * Enqueues each cron job whose latest occurrence has not been enqueued yet. The
 * conditional upsert makes exactly one worker win an occurrence; a missed occurrence
 * (everything was down) runs once when a worker comes back.
 * Returns the names it enqueued.
 */
export async function enqueueDueCronJobs(
  db: Executor,
  definitions: JobDefinition[],
  now = new Date(),
): Promise<string[]> {
  const enqueued: string[] = [];
  for (const definition of definitions) {
    if (!definition.cron) continue;
    const occurrence = latestOccurrence(definition.cron, now);
    const won = await db.transaction().execute(async (trx) => {
      const claimed = await sql<{ name: string }>`
        INSERT INTO cron_schedules (name, last_scheduled_at) VALUES (${definition.name}, ${occurrence})
        ON CONFLICT (name) DO UPDATE SET last_scheduled_at = excluded.last_scheduled_at
        WHERE cron_schedules.last_scheduled_at < excluded.last_scheduled_at
        RETURNING name`.execute(trx);
      if (claimed.rows.length === 0) return false;
      // Cron jobs take no payload: they sweep whatever is due when they run.
      await enqueue(trx, definition.name as JobName, {} as never);
      return true;
    });
    if (won) enqueued.push(definition.name);
  }
  return enqueued;
}
