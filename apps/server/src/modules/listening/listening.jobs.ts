import { z } from "zod";
import { defineJob } from "../../platform/jobs/index.ts";
import type { ListeningContext } from "./listening.context.ts";
import { prunePlays } from "./plays.repo.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "listening.prune_plays": Record<string, never>;
  }
}

/**
 * Plays untouched this long are over: their count was decided when they reached their
 * threshold, the repeat window lives in track_listeners and history keeps its own rows.
 */
export const KEEP_PLAYS_DAYS = 2;

export function listeningJobs(ctx: Pick<ListeningContext, "database">) {
  return {
    "listening.prune_plays": defineJob({
      name: "listening.prune_plays",
      payload: z.object({}).strict(),
      cron: "37 3 * * *",
      maxAttempts: 3,
      timeoutSeconds: 900,
      async handle(_payload, { logger }) {
        const deleted = await prunePlays(ctx.database.primary, KEEP_PLAYS_DAYS);
        logger.info({ deleted }, "pruned finished plays");
      },
    }),
  };
}
