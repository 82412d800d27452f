import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { type Track, type UpdateTrackRequest, uploadFieldsSchema } from "@stave/contracts";
import type { Principal } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { enqueue } from "../../platform/jobs/index.ts";
import { UnsupportedMediaError } from "../../platform/media/index.ts";
import { trackRule, viewerOf } from "../visibility/index.ts";
import { inTransactionWithMediaMoves } from "./media-moves.ts";
import {
  assertArtworkAllowed,
  assertDurationAllowed,
  processingConcurrencyKey,
  retryRateRule,
} from "./resource-limits.ts";
import { firstFreeSlug, slugify } from "./slug.ts";
import { quotaExceeded, storageStanding } from "./storage-quota.ts";
import { type TracksContext, trackKeys } from "./tracks.context.ts";
import { presentTrack } from "./tracks.presenter.ts";
import {
  deleteTrackRow,
  findTrack,
  insertTrack,
  lockOwnerSlugs,
  setProcessingState,
  slugsLike,
  type TrackRow,
  updateTrackFields,
} from "./tracks.repo.ts";
import type { ReceivedUpload } from "./upload.ts";
import { deleteReservation, lockOwnerReservations } from "./upload-reservations.repo.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "tracks.process": { trackId: string };
    "tracks.delete_media": { trackId: string };
    "tracks.reconcile": Record<string, never>;
    "tracks.clean_uploads": Record<string, never>;
  }
}

/** What the visibility rule reads of a track (other modules check it on rows of their own). */
export type VisibilityFields = Pick<TrackRow, "owner_id" | "status" | "visibility" | "taken_down_at">;

const isOwnerOrAdmin = (track: VisibilityFields, principal: Principal | null) =>
  principal !== null && (principal.userId === track.owner_id || principal.role === "admin");

/** Whether the caller may open the track: the visibility module's track rule. */
export const canView = (track: VisibilityFields, principal: Principal | null): boolean =>
  trackRule.allows(viewerOf(principal), { track });

/** The track if the caller may see it; otherwise 404, so private tracks do not reveal they exist. */
export async function loadVisibleTrack(
  ctx: Pick<TracksContext, "database">,
  id: string,
  principal: Principal | null,
  { primary = false } = {},
) {
  const db = primary || principal ? ctx.database.primary : ctx.database.forRead();
  const track = await findTrack(db, id);
  if (!track || !canView(track, principal)) throw notFound("Track");
  return track;
}

async function loadOwnedTrack(ctx: TracksContext, id: string, principal: Principal) {
  const track = await findTrack(ctx.database.primary, id);
  if (!track || !canView(track, principal)) throw notFound("Track");
  if (!isOwnerOrAdmin(track, principal)) throw new AppError("FORBIDDEN", "Only the track's owner can do this");
  return track;
}

const titleFromFilename = (filename: string) =>
  path.basename(filename, path.extname(filename)).replace(/[_]+/g, " ").trim().slice(0, 200) || "Untitled";

/**
 * Stores the upload first, then writes the track row and its processing job
 * in one transaction. A failure at any step leaves no row and no file.
 */
export async function ingestUpload(ctx: TracksContext, ownerId: string, upload: ReceivedUpload): Promise<Track> {
  const fields = uploadFieldsSchema.safeParse(upload.fields);
  if (!fields.success) {
    const details = fields.error.issues.map((issue) => ({
      path: `body.${issue.path.join(".")}`,
      message: issue.message,
    }));
    throw new AppError("VALIDATION_FAILED", "The track details are not valid", details);
  }
  const audio = upload.audio;
  if (!audio)
    throw new AppError("VALIDATION_FAILED", "Attach the audio in the field `file`", [
      { path: "body.file", message: "required" },
    ]);
  if (audio.size === 0) throw new AppError("UNSUPPORTED_MEDIA", "The file is empty");

  let probe: Awaited<ReturnType<TracksContext["media"]["probe"]>>;
  try {
    probe = await ctx.media.probe(audio.path);
  } catch (error) {
    if (error instanceof UnsupportedMediaError) throw new AppError("UNSUPPORTED_MEDIA", error.message);
    throw error;
  }
  assertDurationAllowed(ctx, probe.durationMs);
  // Checked before storing the file, so a refused upload costs no copy; checked again where it
  // binds, in the transaction that writes the track.
  const standing = await storageStanding(ctx, ownerId, upload.reservationId ?? null);
  if (standing.usedBytes + audio.size > standing.quotaBytes) throw quotaExceeded(standing);
  if (upload.artwork) await assertArtworkAllowed(ctx, upload.artwork.path);

  const values = fields.data;
  const trackId = randomUUID();
  await ctx.storage.put(trackKeys.original(trackId), createReadStream(audio.path));
  try {
    if (upload.artwork) await ctx.storage.put(trackKeys.artworkSource(trackId), createReadStream(upload.artwork.path));
    const title = values.title ?? probe.tags.title ?? titleFromFilename(audio.filename);
    await ctx.database.primary.transaction().execute(async (trx) => {
      // The track's bytes replace its upload's reservation in one step, under the owner's
      // reservation lock: no other upload finishing meanwhile sees both (and refuses itself
      // over bytes counted twice), nor slips in between this check and the insert.
      await lockOwnerReservations(trx, ownerId);
      const latest = await storageStanding(ctx, ownerId, upload.reservationId ?? null, trx);
      if (latest.usedBytes + audio.size > latest.quotaBytes) throw quotaExceeded(latest);
      if (upload.reservationId) await deleteReservation(trx, upload.reservationId);
      const base = slugify(title);
      await lockOwnerSlugs(trx, ownerId);
      await insertTrack(trx, {
        id: trackId,
        ownerId,
        title,
        slug: firstFreeSlug(base, await slugsLike(trx, ownerId, base)),
        description: values.description ?? null,
        genre: values.genre ?? probe.tags.genre ?? null,
        tags: values.tags ?? [],
        visibility: values.visibility,
        downloadable: values.downloadable ?? false,
        license: values.license ?? null,
        releaseDate: values.releaseDate ?? (probe.tags.year ? `${probe.tags.year}-01-01` : null),
        originalKey: trackKeys.original(trackId),
        originalFormat: probe.format,
        originalSize: audio.size,
        originalFilename: audio.filename.slice(0, 255),
        artworkSourceKey: upload.artwork ? trackKeys.artworkSource(trackId) : null,
        artist: probe.tags.artist ?? null,
        album: probe.tags.album ?? null,
      });
      await enqueue(trx, "tracks.process", { trackId }, { concurrencyKey: processingConcurrencyKey(ownerId) });
    });
  } catch (error) {
    await ctx.storage.deletePrefix(trackKeys.root(trackId));
    throw error;
  }
  return getTrack(ctx, trackId);
}

async function getTrack(ctx: TracksContext, id: string): Promise<Track> {
  const row = await findTrack(ctx.database.primary, id);
  if (!row) throw notFound("Track");
  return presentTrack(row);
}

export async function updateTrack(
  ctx: TracksContext,
  id: string,
  principal: Principal,
  changes: UpdateTrackRequest,
): Promise<Track> {
  const track = await loadOwnedTrack(ctx, id, principal);
  await inTransactionWithMediaMoves(ctx, async (trx, media) => {
    let slug: string | undefined;
    if (changes.title !== undefined && changes.title !== track.title) {
      const base = slugify(changes.title);
      await lockOwnerSlugs(trx, track.owner_id);
      slug = firstFreeSlug(
        base,
        (await slugsLike(trx, track.owner_id, base)).filter((taken) => taken !== track.slug),
      );
    }
    // Stream URLs signed while others could play it stop working the moment it turns private
    // (its media moves, as a takedown's does). Turning unlisted keeps them: an unlisted track
    // plays for anyone holding a link to it, and a signed URL is such a link. The mover decides
    // on the row it locks: `track` was read before this transaction and may be stale.
    if (changes.visibility !== undefined) await media.revokeTrack(trx, id, changes.visibility);
    await updateTrackFields(trx, id, { ...changes, ...(slug && { slug }) });
  });
  return getTrack(ctx, id);
}

/** Deletes the row and, in the same transaction, a job that removes its media (retried until done). */
export async function deleteTrack(ctx: TracksContext, id: string, principal: Principal): Promise<void> {
  await loadOwnedTrack(ctx, id, principal);
  await ctx.database.primary.transaction().execute(async (trx) => {
    await deleteTrackRow(trx, id);
    await enqueue(trx, "tracks.delete_media", { trackId: id });
  });
}

export async function retryTrack(ctx: TracksContext, id: string, principal: Principal): Promise<Track> {
  const track = await loadOwnedTrack(ctx, id, principal);
  if (track.status !== "failed") throw new AppError("CONFLICT", "Only a failed track can be retried");
  // Counted per caller once the retry is known to be allowed: each one costs a full transcode.
  await ctx.limiter.hit(retryRateRule, principal.userId);
  // State first: the job may start the moment it is enqueued, and moves it on from here.
  await setProcessingState(ctx.database.primary, id, { status: "uploaded", progress: 0 });
  await enqueue(
    ctx.database.primary,
    "tracks.process",
    { trackId: id },
    { concurrencyKey: processingConcurrencyKey(track.owner_id) },
  );
  return getTrack(ctx, id);
}
