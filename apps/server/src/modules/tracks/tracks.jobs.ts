import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../platform/db/schema.ts";
import { defineJob, type JobContext, PermanentJobError } from "../../platform/jobs/index.ts";
import { MediaProcessingError, UnsupportedMediaError } from "../../platform/media/index.ts";
import { notify } from "../notifications/index.ts";
import { durationRefusal } from "./resource-limits.ts";
import { cleanTemporaryFiles, processingDirPrefix } from "./tmp-cleanup.ts";
import { newMediaVersion, type TracksContext, trackKeys } from "./tracks.context.ts";
import { findOrphanedProcessing, findTrack, setProcessingState, type TrackRow } from "./tracks.repo.ts";

const PROCESS_ATTEMPTS = 3;
const trackPayload = z.object({ trackId: z.uuid() });

/** Lists every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Progress reports to the database at most every 2 % so a long encode is not a write storm. */
function progressReporter(ctx: TracksContext, trackId: string) {
  let reported = 0;
  return async (percent: number) => {
    const rounded = Math.min(99, Math.round(percent));
    if (rounded < reported + 2) return;
    reported = rounded;
    await setProcessingState(ctx.database.primary, trackId, { status: "processing", progress: rounded });
  };
}

async function download(ctx: TracksContext, key: string, file: string) {
  await pipeline(await ctx.storage.get(key), createWriteStream(file));
}

/**
 * Everything the track needs, built in a scratch directory; nothing is visible until
 * `publish` uploads it under a fresh version prefix and flips the row to ready in one update.
 */
async function processTrack(ctx: TracksContext, track: TrackRow, job: JobContext) {
  const report = progressReporter(ctx, track.id);
  // Named by the attempt, so a clean-up can tell a crashed attempt's folder from a live one's.
  const work = await mkdtemp(path.join(ctx.tmpDir, processingDirPrefix(track.id, job.jobId, job.attempt)));
  try {
    let original = ctx.storage.localPath?.(track.original_key);
    if (!original) {
      original = path.join(work, "original");
      await download(ctx, track.original_key, original);
    }
    const probe = await ctx.media.probe(original);
    // Known at upload for most files; this catches a limit lowered since, and retries.
    const tooLong = durationRefusal(ctx, probe.durationMs);
    if (tooLong) throw new UnsupportedMediaError(tooLong);
    const hlsDir = path.join(work, "hls");
    await mkdir(hlsDir);
    let reporting = Promise.resolve();
    // One failure stops the sibling steps too: no ffmpeg outlives the attempt that started it.
    const steps = new AbortController();
    const stopSteps = () => steps.abort(job.signal.reason);
    job.signal.addEventListener("abort", stopSteps, { once: true });
    const step = <T>(work: Promise<T>) =>
      work.catch((error: unknown) => {
        steps.abort(error);
        throw error;
      });
    // Loudness and waveform decode alongside the encoders: each is light next to them.
    const [loudness, waveform] = await Promise.all([
      step(ctx.media.analyseLoudness(original, { signal: steps.signal })),
      step(ctx.media.waveformPeaks(original, { points: 1000, signal: steps.signal })),
      step(
        ctx.media.transcodeHls(original, hlsDir, {
          durationMs: probe.durationMs,
          sourceSampleRate: probe.sampleRate,
          signal: steps.signal,
          onProgress: (percent) => {
            reporting = reporting.then(() => report(percent * 0.95)).catch(() => undefined);
          },
        }),
      ),
    ]).finally(() => job.signal.removeEventListener("abort", stopSteps));
    await reporting;

    const artworkDir = path.join(work, "artwork");
    let artworkSource: string | null = null;
    if (track.artwork_source_key) {
      artworkSource = path.join(work, "artwork-source");
      await download(ctx, track.artwork_source_key, artworkSource);
      await mkdir(artworkDir);
      await ctx.media.renderArtwork(artworkSource, artworkDir);
    } else if (probe.hasEmbeddedCover) {
      artworkSource = await renderEmbeddedCover(ctx, original, work, artworkDir, job);
    }

    // Publish: anything a crashed attempt left is unreferenced (the row is not ready), so clear it.
    const version = newMediaVersion();
    await ctx.storage.deletePrefix(trackKeys.hlsRoot(track.id));
    await ctx.storage.deletePrefix(trackKeys.artworkRoot(track.id));
    const hlsPrefix = `${trackKeys.hlsRoot(track.id)}${version}/`;
    for (const file of await filesUnder(hlsDir)) {
      await ctx.storage.put(`${hlsPrefix}${file}`, createReadStream(path.join(hlsDir, file)));
    }
    let artworkPrefix: string | null = null;
    if (artworkSource) {
      artworkPrefix = `${trackKeys.artworkRoot(track.id)}${version}/`;
      for (const file of await filesUnder(artworkDir)) {
        await ctx.storage.put(`${artworkPrefix}${file}`, createReadStream(path.join(artworkDir, file)));
      }
    }
    await setProcessingState(
      ctx.database.primary,
      track.id,
      {
        // 'hidden' instead when the track was taken down or its owner suspended meanwhile.
        status: "ready",
        progress: 100,
        hls_prefix: hlsPrefix,
        artwork_prefix: artworkPrefix,
        duration_ms: probe.durationMs,
        loudness_lufs: loudness.integratedLufs,
        true_peak_dbtp: loudness.truePeakDbtp,
        waveform,
      },
      async (trx) => {
        await tellOwner(ctx, track, "track_ready")(trx);
        // And the creator's followers, by a job (there may be many; it checks the track is public).
        await ctx.onTrackReady(trx, track.id);
      },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The picture inside the audio file, rendered when it can be: a cover that is corrupt or past the
 * pixel limit is a courtesy lost, not a reason to fail the track. Null when there is none to show.
 */
async function renderEmbeddedCover(
  ctx: TracksContext,
  original: string,
  work: string,
  artworkDir: string,
  job: JobContext,
) {
  const cover = path.join(work, "cover");
  try {
    if (!(await ctx.media.extractEmbeddedCover(original, cover))) return null;
    await mkdir(artworkDir);
    await ctx.media.renderArtwork(cover, artworkDir);
    return cover;
  } catch (error) {
    if (!(error instanceof UnsupportedMediaError || error instanceof MediaProcessingError)) throw error;
    job.logger.warn({ err: error }, "embedded cover art ignored: %s", error.message);
    await rm(artworkDir, { recursive: true, force: true });
    return null;
  }
}

/** The owner hears how processing ended, in the transaction that records it. */
const tellOwner =
  (
    ctx: TracksContext,
    track: { id: string; owner_id: string; title: string },
    kind: "track_ready" | "track_failed",
    reason?: string,
  ) =>
  (trx: Kysely<DB>) =>
    notify(
      trx,
      { userId: track.owner_id, kind, subject: { type: "track", id: track.id }, data: { title: track.title, reason } },
      ctx,
    );

export function tracksJobs(ctx: TracksContext) {
  return {
    "tracks.process": defineJob({
      name: "tracks.process",
      payload: trackPayload,
      maxAttempts: PROCESS_ATTEMPTS,
      timeoutSeconds: 3600,
      leaseSeconds: 60,
      backoffSeconds: 15,
      // Transcoding uses every core already: one at a time per worker process.
      concurrency: 1,
      // And one creator's uploads never hold every worker: the rest wait, in upload order.
      concurrencyPerKey: ctx.limits.maxProcessingPerUser,
      async handle({ trackId }, job) {
        const track = await findTrack(ctx.database.primary, trackId);
        // Deleted meanwhile, or done by an earlier attempt ('hidden' is done too: processed, then hidden).
        if (!track || track.status === "ready" || track.status === "hidden") return;
        await setProcessingState(ctx.database.primary, trackId, { status: "processing", progress: 0 });
        try {
          await processTrack(ctx, track, job);
        } catch (error) {
          const mediaFault = error instanceof UnsupportedMediaError || error instanceof MediaProcessingError;
          const lastAttempt = job.attempt >= PROCESS_ATTEMPTS;
          if (mediaFault || lastAttempt) {
            const reason = mediaFault ? (error as Error).message : "Processing failed repeatedly; try again later";
            await setProcessingState(
              ctx.database.primary,
              trackId,
              { status: "failed", progress: 0, failureReason: reason },
              tellOwner(ctx, track, "track_failed", reason),
            );
            if (mediaFault) throw new PermanentJobError(reason);
          }
          throw error;
        }
      },
    }),

    "tracks.delete_media": defineJob({
      name: "tracks.delete_media",
      payload: trackPayload,
      maxAttempts: 10,
      timeoutSeconds: 600,
      backoffSeconds: 30,
      async handle({ trackId }) {
        await ctx.storage.deletePrefix(trackKeys.root(trackId));
      },
    }),

    "tracks.clean_uploads": defineJob({
      name: "tracks.clean_uploads",
      payload: z.object({}).strict(),
      cron: "23 * * * *",
      maxAttempts: 1,
      timeoutSeconds: 300,
      // Abandoned resumable uploads and leftovers of a crash mid-upload or mid-processing.
      handle: (_payload, { logger }) => cleanTemporaryFiles(ctx, logger),
    }),

    "tracks.reconcile": defineJob({
      name: "tracks.reconcile",
      payload: z.object({}).strict(),
      cron: "*/5 * * * *",
      maxAttempts: 1,
      timeoutSeconds: 120,
      async handle(_payload, { logger }) {
        // A worker killed on the job's last attempt leaves no one to mark the track failed.
        for (const track of await findOrphanedProcessing(ctx.database.primary)) {
          const { id } = track;
          const reason = "Processing stopped unexpectedly. Retry it from My tracks.";
          await setProcessingState(
            ctx.database.primary,
            id,
            { status: "failed", progress: 0, failureReason: reason },
            tellOwner(ctx, track, "track_failed", reason),
          );
          logger.warn({ trackId: id }, "track left processing without a job; marked failed");
        }
      },
    }),
  };
}
