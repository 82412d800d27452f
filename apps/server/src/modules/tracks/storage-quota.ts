import { AppError } from "../../platform/http/errors.ts";
import type { TracksContext } from "./tracks.context.ts";
import { storageStandingOf } from "./tracks.repo.ts";

/** The largest file an upload may be now: the admin's setting, else UPLOAD_MAX_BYTES. */
export async function uploadLimitBytes(ctx: TracksContext): Promise<number> {
  return (await ctx.settings.current()).defaultUploadLimitBytes;
}

/**
 * What a user has stored and may store: their own quota when an admin set one, else the
 * instance default (the admin's setting, else STORAGE_QUOTA_BYTES).
 */
export async function storageStanding(ctx: TracksContext, ownerId: string) {
  const [settings, standing] = await Promise.all([
    ctx.settings.current(),
    storageStandingOf(ctx.database.primary, ownerId),
  ]);
  return { usedBytes: standing.usedBytes, quotaBytes: standing.overrideBytes ?? settings.defaultStorageQuotaBytes };
}

export const fileTooLarge = (limitBytes: number) =>
  new AppError("FILE_TOO_LARGE", `The file is larger than the ${formatMegabytes(limitBytes)} MB limit`);

export const quotaExceeded = (standing: { usedBytes: number; quotaBytes: number }) =>
  new AppError("QUOTA_EXCEEDED", "This upload would go over your storage quota; delete some tracks first", standing);

/** Whole megabytes, or one decimal below 10 MB so a small limit does not read "0 MB". */
function formatMegabytes(bytes: number) {
  const mb = bytes / 1024 ** 2;
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}
