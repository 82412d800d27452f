import { AppError } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import { ImageTooLargeError, UnsupportedMediaError } from "../../platform/media/index.ts";
import type { TracksContext } from "./tracks.context.ts";

/**
 * What one creator may ask of the machine: how long a track may be, how large its artwork, how
 * often a failed track is retried. (How many tracks process at once is the job queue's
 * per-owner limit; see `processingConcurrencyKey`.)
 */

/** "3 hours", "90 minutes", "45 seconds": the limit as a creator reads it. */
export function describeSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

/** "10 h 0 min", "4 min 12 s": a measured length. */
function describeLength(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

/** Null when a track of this length is allowed, else why not (in words fit for the creator). */
export function durationRefusal(ctx: TracksContext, durationMs: number): string | null {
  const maxSeconds = ctx.limits.maxTrackDurationSeconds;
  if (durationMs <= maxSeconds * 1000) return null;
  return `The track is ${describeLength(durationMs)} long; tracks may be at most ${describeSeconds(maxSeconds)}`;
}

/** Refuses, at upload, a track longer than the instance allows (before it is stored or transcoded). */
export function assertDurationAllowed(ctx: TracksContext, durationMs: number): void {
  const refusal = durationRefusal(ctx, durationMs);
  if (refusal) {
    throw new AppError("UNPROCESSABLE", refusal, {
      durationSeconds: Math.round(durationMs / 1000),
      maxDurationSeconds: ctx.limits.maxTrackDurationSeconds,
    });
  }
}

/** Checks uploaded artwork from its header: a readable raster image within the pixel limit, decoded later. */
export async function assertArtworkAllowed(ctx: TracksContext, file: string): Promise<void> {
  try {
    await ctx.media.imageInfo(file);
  } catch (error) {
    if (error instanceof ImageTooLargeError) {
      throw new AppError("UNPROCESSABLE", error.message, {
        width: error.width,
        height: error.height,
        maxPixels: error.maxPixels,
      });
    }
    if (error instanceof UnsupportedMediaError) {
      throw new AppError("UNSUPPORTED_MEDIA", "The artwork is not an image we can read (use JPEG, PNG or WebP)");
    }
    throw error;
  }
}

/** Each retry is a full transcode: a few an hour per creator is plenty for a real failure. */
export const retryRateRule: RateRule = { name: "tracks.retry:user", limit: 10, windowSeconds: 3600 };

/** The job queue's key for "one creator's processing": at most MAX_PROCESSING_PER_USER run at once. */
export const processingConcurrencyKey = (ownerId: string) => `tracks.process:owner:${ownerId}`;
