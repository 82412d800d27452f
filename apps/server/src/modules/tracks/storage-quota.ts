import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { TracksContext } from "./tracks.context.ts";
import { storageStandingOf } from "./tracks.repo.ts";
import { deleteReservation, insertReservation, lockOwnerReservations } from "./upload-reservations.repo.ts";

/** The largest file an upload may be now: the admin's setting, else UPLOAD_MAX_BYTES. */
export async function uploadLimitBytes(ctx: TracksContext): Promise<number> {
  return (await ctx.settings.current()).defaultUploadLimitBytes;
}

/**
 * What a user has stored and may store: their own quota when an admin set one, else the
 * instance default (the admin's setting, else STORAGE_QUOTA_BYTES).
 */
export async function storageStanding(
  ctx: TracksContext,
  ownerId: string,
  exceptUpload: string | null = null,
  db: Kysely<DB> = ctx.database.primary,
) {
  const [settings, standing] = await Promise.all([
    ctx.settings.current(),
    storageStandingOf(db, ownerId, exceptUpload),
  ]);
  return { usedBytes: standing.usedBytes, quotaBytes: standing.overrideBytes ?? settings.defaultStorageQuotaBytes };
}

/**
 * Holds a resumable upload's declared length against its owner's quota until it finishes or is
 * abandoned, or refuses it with QUOTA_EXCEEDED. One owner's reservations are made one at a time
 * (a transaction lock on the owner), so 50 uploads created at once cannot each see the room that
 * only one of them fits in.
 */
export async function reserveUploadSpace(ctx: TracksContext, ownerId: string, uploadId: string, bytes: number) {
  await ctx.database.primary.transaction().execute(async (trx) => {
    await lockOwnerReservations(trx, ownerId);
    const quota = await storageStanding(ctx, ownerId, null, trx);
    if (quota.usedBytes + bytes > quota.quotaBytes) throw quotaExceeded(quota);
    await insertReservation(trx, { uploadId, ownerId, bytes });
  });
}

export const releaseUploadSpace = (ctx: TracksContext, uploadId: string) =>
  deleteReservation(ctx.database.primary, uploadId);

export const fileTooLarge = (limitBytes: number) =>
  new AppError("FILE_TOO_LARGE", `The file is larger than the ${formatMegabytes(limitBytes)} MB limit`);

export const quotaExceeded = (standing: { usedBytes: number; quotaBytes: number }) =>
  new AppError("QUOTA_EXCEEDED", "This upload would go over your storage quota; delete some tracks first", standing);

/** Whole megabytes, or one decimal below 10 MB so a small limit does not read "0 MB". */
function formatMegabytes(bytes: number) {
  const mb = bytes / 1024 ** 2;
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}
