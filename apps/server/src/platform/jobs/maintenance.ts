import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { defineJob } from "./index.ts";

declare module "./types.ts" {
  interface JobPayloads {
    "jobs.prune": Record<string, never>;
  }
}

/** How long finished jobs stay visible for operators before the daily prune removes them. */
const KEEP_SUCCEEDED_DAYS = 7;

export function maintenanceJobs(deps: { database: Database }) {
  return {
    "jobs.prune": defineJob({
      name: "jobs.prune",
      payload: z.object({}).strict(),
      cron: "17 4 * * *",
      maxAttempts: 3,
      timeoutSeconds: 300,
      async handle(_payload, { logger }) {
        const result = await deps.database.primary
          .deleteFrom("jobs")
          .where("state", "=", "succeeded")
          .where("finished_at", "<", sql<Date>`now() - make_interval(days => ${KEEP_SUCCEEDED_DAYS})`)
          .executeTakeFirst();
        logger.info({ deleted: Number(result.numDeletedRows) }, "pruned finished jobs");
      },
    }),
  };
}
