import { type DataExport, type DeleteAccountRequest, EXPORTS_PER_DAY, HARD_DELETE_AFTER_DAYS } from "@stave/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { announceAccountClosed } from "../../platform/events/user-events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { enqueue, noLiveJobFor } from "../../platform/jobs/index.ts";
import { deleteMailTo } from "../../platform/mail/index.ts";
import {
  anonymiseAccount,
  claimAccountToPurge,
  confirmAccountHolder,
  findAvatarKey,
  findCredentialsById,
  lockAccountForDeletion,
  markHardDeleted,
} from "../accounts/index.ts";
import { eraseAuditAddressesOf, recordAudit } from "../audit/index.ts";
import { eraseTracksOf } from "../tracks/index.ts";
import { accountErasers } from "./erasers.ts";
import type { PrivacyContext } from "./privacy.context.ts";

export function presentExport(row: {
  id: string;
  status: DataExport["status"];
  size_bytes: string | number | null;
  created_at: Date | string;
  completed_at: Date | null;
  expires_at: Date | null;
}): DataExport {
  return {
    id: row.id,
    status: row.status,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    downloadUrl: row.status === "ready" ? `/api/v1/me/exports/${row.id}/download` : null,
  };
}

const exportColumns = ["id", "status", "size_bytes", "created_at", "completed_at", "expires_at"] as const;

/** Exports requested in the last 24 hours, oldest first (they free up in that order). */
async function exportsInLastDay(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("data_exports")
    .select("created_at")
    .where("user_id", "=", userId)
    .where("created_at", ">", sql<Date>`now() - interval '24 hours'`)
    .orderBy("created_at")
    .execute();
}

/**
 * Queues an export (3 in any rolling 24 hours). The count and the insert happen under a
 * per-user lock in one transaction, so concurrent requests on several API processes can
 * never make a fourth.
 */
export async function requestExport(ctx: PrivacyContext, userId: string, meta: RequestMeta): Promise<DataExport> {
  return ctx.database.primary.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('data_export'), hashtext(${userId}))`.execute(trx);
    const recent = await exportsInLastDay(trx, userId);
    if (recent.length >= EXPORTS_PER_DAY) {
      const freesAt = new Date(recent[0]?.created_at as Date).getTime() + 24 * 3600_000;
      const retryAfter = Math.max(1, Math.ceil((freesAt - Date.now()) / 1000));
      throw new AppError(
        "EXPORT_RATE_LIMITED",
        `You can request ${EXPORTS_PER_DAY} exports a day. The next one is possible in ${Math.ceil(retryAfter / 3600)} h.`,
        { retryAfterSeconds: retryAfter },
        { "retry-after": String(retryAfter) },
      );
    }
    const row = await trx
      .insertInto("data_exports")
      .values({ user_id: userId })
      .returning(exportColumns)
      .executeTakeFirstOrThrow();
    await enqueue(trx, "privacy.build_export", { exportId: row.id });
    await recordAudit(trx, ctx.logger, {
      actorId: userId,
      action: "user.export_requested",
      targetType: "data_export",
      targetId: row.id,
      ...meta,
    });
    return presentExport(row);
  });
}

export async function listExports(ctx: PrivacyContext, userId: string) {
  const db = ctx.database.primary;
  const rows = await db
    .selectFrom("data_exports")
    .select(exportColumns)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
  const remainingToday = Math.max(0, EXPORTS_PER_DAY - (await exportsInLastDay(db, userId)).length);
  return { items: rows.map(presentExport), remainingToday };
}

/** The ZIP of a ready export, to its owner only (anyone else: 404, as if it did not exist). */
export async function openExportDownload(ctx: PrivacyContext, userId: string, exportId: string) {
  const row = await ctx.database.primary
    .selectFrom("data_exports")
    .select(["id", "status", "storage_key", "size_bytes", "expires_at", "created_at"])
    .where("id", "=", exportId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) throw notFound("Export");
  if (row.status === "expired" || (row.expires_at && row.expires_at.getTime() <= Date.now())) {
    throw new AppError("EXPORT_EXPIRED", "This export has expired; request a new one");
  }
  if (row.status === "failed") {
    throw new AppError("EXPORT_NOT_READY", "This export could not be built and never will be; request a new one");
  }
  if (row.status !== "ready" || !row.storage_key) {
    throw new AppError("EXPORT_NOT_READY", "This export is not ready yet");
  }
  return {
    stream: await ctx.storage.get(row.storage_key),
    size: Number(row.size_bytes),
    filename: `stave-export-${new Date(row.created_at).toISOString().slice(0, 10)}.zip`,
  };
}

/**
 * Deletes the account at once: sessions and tokens revoked, personal data in users and
 * user_profiles replaced, private and unlisted tracks (and public ones unless kept) deleted
 * with their media, history, likes, follows, notifications and exports removed. Messages
 * stay with the other person, from "Deleted user". The hard-delete pass finishes the job
 * after 30 days (see purgeDeletedAccount).
 */
export async function deleteAccount(
  ctx: PrivacyContext,
  userId: string,
  input: DeleteAccountRequest,
  meta: RequestMeta,
): Promise<void> {
  const user = await findCredentialsById(ctx.database.primary, userId);
  if (!user) throw notFound("User");
  // With the request meta, so the per-address limit on confirmations applies here too.
  await confirmAccountHolder(ctx.accounts, user, input, meta);
  await ctx.database.primary.transaction().execute(async (trx) => {
    if (!(await lockAccountForDeletion(trx, userId))) throw notFound("User");

    const tracksDeleted = await eraseTracksOf(trx, userId, { keepPublicTracks: input.keepPublicTracks ?? false });

    const exports = await trx
      .deleteFrom("data_exports")
      .where("user_id", "=", userId)
      .returning("storage_key")
      .execute();
    const avatarKey = await findAvatarKey(trx, userId);
    // Files go by a job enqueued with the rest, so none is left behind if this process dies.
    const keys = [...exports.map((row) => row.storage_key), avatarKey].filter((key) => key != null);
    if (keys.length > 0) await enqueue(trx, "privacy.delete_files", { keys });

    await forgetActivity(trx, userId, user.email);
    await anonymiseAccount(trx, userId);
    // Their open event streams end, in every API process, once this commits.
    await announceAccountClosed(trx, userId);
    await recordAudit(trx, ctx.logger, {
      actorId: userId,
      action: "user.delete_requested",
      targetType: "user",
      targetId: userId,
      metadata: { keepPublicTracks: input.keepPublicTracks ?? false, tracksDeleted },
      ...meta,
    });
  });
}

/** What was done with the account, not needed once it is gone. */
async function forgetActivity(trx: Transaction<DB>, userId: string, email: string) {
  // Each module erases its own tables: sign-ins, history, notifications, playlists, likes and follows.
  for (const erase of accountErasers) await erase(trx, userId);
  // Mail to the old address, sent or not, names them.
  await deleteMailTo(trx, email);
}

/**
 * The final pass, 30 days after deletion: the network addresses and browsers in the
 * account's audit entries are erased and the row is marked a tombstone. Each account is
 * claimed with SKIP LOCKED, so several workers can run it at once, and it is idempotent.
 */
export async function purgeDeletedAccounts(ctx: PrivacyContext, { olderThanDays = HARD_DELETE_AFTER_DAYS } = {}) {
  let purged = 0;
  for (;;) {
    const done = await ctx.database.primary.transaction().execute(async (trx) => {
      const userId = await claimAccountToPurge(trx, olderThanDays);
      if (!userId) return false;
      await eraseAuditAddressesOf(trx, userId);
      await markHardDeleted(trx, userId);
      return true;
    });
    if (!done) return purged;
    purged += 1;
  }
}

/** Deletes the files of exports past their expiry, then marks them expired. */
export async function expireExports(ctx: PrivacyContext) {
  const due = await ctx.database.primary
    .selectFrom("data_exports")
    .select(["id", "storage_key"])
    .where("status", "=", "ready")
    .where("expires_at", "<=", sql<Date>`now()`)
    .execute();
  for (const { id, storage_key } of due) {
    if (storage_key) await ctx.storage.delete(storage_key);
    await ctx.database.primary.updateTable("data_exports").set({ status: "expired" }).where("id", "=", id).execute();
  }
  return due.length;
}

/**
 * Exports whose build job is gone without settling them (its worker died on the last
 * attempt, so no handler ran to say so) turn failed: otherwise the user waits on
 * "processing" forever, with nothing telling them to request a new one.
 */
export async function failAbandonedExports(ctx: PrivacyContext) {
  const result = await ctx.database.primary
    .updateTable("data_exports")
    .set({ status: "failed", error: "The export could not be built; request a new one" })
    .where("status", "in", ["pending", "processing"])
    .where(noLiveJobFor("privacy.build_export", "exportId", sql.ref("data_exports.id")))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
