import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { RateLimiter } from "../../platform/http/rate-limit.ts";
import { defineJob } from "../../platform/jobs/index.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "accounts.prune": Record<string, never>;
  }
}

/** Daily: forget expired single-use tokens, long-dead sessions and old rate-limit windows. */
export function accountsJobs(deps: { database: Database }) {
  return {
    "accounts.prune": defineJob({
      name: "accounts.prune",
      payload: z.object({}).strict(),
      cron: "41 3 * * *",
      maxAttempts: 3,
      timeoutSeconds: 300,
      async handle(_payload, { logger }) {
        const db = deps.database.primary;
        const tokens = await db
          .deleteFrom("one_time_tokens")
          .where((eb) =>
            eb.or([
              eb("expires_at", "<", sql<Date>`now() - interval '1 day'`),
              eb("used_at", "<", sql<Date>`now() - interval '1 day'`),
            ]),
          )
          .executeTakeFirst();
        const sessions = await db
          .deleteFrom("sessions")
          .where((eb) =>
            eb.or([
              eb("expires_at", "<", sql<Date>`now()`),
              eb("revoked_at", "<", sql<Date>`now() - interval '30 days'`),
            ]),
          )
          .executeTakeFirst();
        const windows = await new RateLimiter(db).prune();
        logger.info(
          {
            tokens: Number(tokens.numDeletedRows),
            sessions: Number(sessions.numDeletedRows),
            rateLimitWindows: windows,
          },
          "pruned account records",
        );
      },
    }),
  };
}
