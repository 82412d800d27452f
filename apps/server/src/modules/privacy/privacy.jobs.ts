import { EXPORT_TTL_DAYS } from "@stave/contracts";
import { sql } from "kysely";
import { z } from "zod";
import { defineJob } from "../../platform/jobs/index.ts";
import { notify } from "../notifications/index.ts";
import { exportKey, writeExportArchive } from "./export-archive.ts";
import type { PrivacyContext } from "./privacy.context.ts";
import { expireExports, failAbandonedExports, purgeDeletedAccounts } from "./privacy.service.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "privacy.build_export": { exportId: string };
    "privacy.expire_exports": Record<string, never>;
    "privacy.hard_delete": Record<string, never>;
    "privacy.delete_files": { keys: string[] };
  }
}

const BUILD_ATTEMPTS = 3;

export function privacyJobs(ctx: PrivacyContext) {
  const db = ctx.database.primary;
  return {
    "privacy.build_export": defineJob({
      name: "privacy.build_export",
      payload: z.object({ exportId: z.uuid() }),
      maxAttempts: BUILD_ATTEMPTS,
      timeoutSeconds: 3600,
      leaseSeconds: 60,
      backoffSeconds: 30,
      async handle({ exportId }, job) {
        const row = await db
          .selectFrom("data_exports")
          .select(["user_id", "status"])
          .where("id", "=", exportId)
          .executeTakeFirst();
        // Gone (the account was deleted) or already built by an earlier attempt.
        if (!row || row.status === "ready" || row.status === "expired") return;
        await db.updateTable("data_exports").set({ status: "processing" }).where("id", "=", exportId).execute();
        const key = exportKey(row.user_id, exportId);
        try {
          const size = await writeExportArchive(db, ctx.storage, row.user_id, key);
          const stillWanted = await db.transaction().execute(async (trx) => {
            const updated = await trx
              .updateTable("data_exports")
              .set({
                status: "ready",
                storage_key: key,
                size_bytes: size,
                completed_at: sql<Date>`now()`,
                expires_at: sql<Date>`now() + make_interval(days => ${EXPORT_TTL_DAYS})`,
              })
              .where("id", "=", exportId)
              .returning("id")
              .executeTakeFirst();
            if (!updated) return false;
            await notify(
              trx,
              { userId: row.user_id, kind: "export_ready", subject: { type: "export", id: exportId } },
              ctx,
            );
            return true;
          });
          // The account was deleted while the ZIP was written: its data must not outlive it in storage.
          if (!stillWanted) await ctx.storage.delete(key);
        } catch (error) {
          await ctx.storage.delete(key).catch(() => undefined);
          if (job.attempt >= BUILD_ATTEMPTS) {
            await db
              .updateTable("data_exports")
              .set({ status: "failed", error: "The export could not be built; request a new one" })
              .where("id", "=", exportId)
              .execute();
          }
          throw error;
        }
      },
    }),

    "privacy.expire_exports": defineJob({
      name: "privacy.expire_exports",
      payload: z.object({}).strict(),
      cron: "41 * * * *",
      maxAttempts: 3,
      timeoutSeconds: 600,
      async handle(_payload, { logger }) {
        logger.info({ expired: await expireExports(ctx) }, "expired data exports");
        // The same hourly pass settles exports whose build died with its worker.
        logger.info({ failed: await failAbandonedExports(ctx) }, "failed abandoned data exports");
      },
    }),

    "privacy.hard_delete": defineJob({
      name: "privacy.hard_delete",
      payload: z.object({}).strict(),
      cron: "29 3 * * *",
      maxAttempts: 3,
      timeoutSeconds: 3600,
      async handle(_payload, { logger }) {
        logger.info({ purged: await purgeDeletedAccounts(ctx) }, "purged accounts deleted 30+ days ago");
      },
    }),

    "privacy.delete_files": defineJob({
      name: "privacy.delete_files",
      payload: z.object({ keys: z.array(z.string()).max(10_000) }),
      maxAttempts: 10,
      timeoutSeconds: 600,
      backoffSeconds: 30,
      async handle({ keys }) {
        for (const key of keys) await ctx.storage.delete(key);
      },
    }),
  };
}
