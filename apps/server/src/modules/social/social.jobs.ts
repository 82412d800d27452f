import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../platform/db/schema.ts";
import { defineJob, enqueue } from "../../platform/jobs/index.ts";
import { noticeAbout, notify } from "../notifications/index.ts";
import { lockTrackForReference } from "../tracks/index.ts";
import { listedTrackRule } from "../visibility/index.ts";
import { advanceAnnouncement, lockAnnouncement } from "./announcements.repo.ts";
import { nextFollowers } from "./follows.repo.ts";
import type { SocialContext } from "./social.context.ts";

declare module "../../platform/jobs/types.ts" {
  interface JobPayloads {
    "social.announce_track": { trackId: string };
  }
}

/** Followers told per transaction: a batch commits with the position it reached. */
export const ANNOUNCE_BATCH = 200;

/**
 * For the tracks module, in the transaction that makes a track ready: its followers hear of
 * it from a job, since a creator may have many. Whether the track is public is decided when
 * the job runs.
 */
export async function announceReadyTrack(trx: Kysely<DB>, trackId: string) {
  await enqueue(trx, "social.announce_track", { trackId });
}

/**
 * Tells each follower of the track's creator about it (`new_track`), a batch per
 * transaction: the notifications of a batch and the position reached commit together, so
 * a job retried after a crash, or run twice, resumes after the last follower told and nobody
 * hears twice. Only a public, ready track is announced. Returns how many were told this run.
 */
export async function announceTrack(
  ctx: SocialContext,
  trackId: string,
  { batchSize = ANNOUNCE_BATCH, signal }: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let toldNow = 0;
  for (;;) {
    signal?.throwIfAborted();
    const finished = await ctx.database.primary.transaction().execute(async (trx) => {
      const track = await lockTrackForReference(trx, trackId);
      // Only what is publicly listed is announced (the visibility module's rule).
      if (!track || !listedTrackRule.allows(null, { track })) return true;
      const state = await lockAnnouncement(trx, trackId);
      if (state.finished_at) return true;
      const after =
        state.last_followed_key && state.last_follower_id
          ? { at: state.last_followed_key, id: state.last_follower_id }
          : null;
      const followers = await nextFollowers(trx, track.owner_id, after, batchSize);
      let told = 0;
      for (const follower of followers) {
        if (!follower.active) continue;
        await notify(
          trx,
          { userId: follower.follower_id, kind: "new_track", actorId: track.owner_id, ...noticeAbout("track", track) },
          ctx,
        );
        told += 1;
      }
      const last = followers.at(-1);
      const done = followers.length < batchSize;
      await advanceAnnouncement(
        trx,
        trackId,
        last ? { followedKey: last.followed_key, followerId: last.follower_id } : null,
        told,
        done,
      );
      toldNow += told;
      return done;
    });
    if (finished) return toldNow;
  }
}

export function socialJobs(ctx: SocialContext) {
  return {
    "social.announce_track": defineJob({
      name: "social.announce_track",
      payload: z.object({ trackId: z.uuid() }),
      maxAttempts: 5,
      timeoutSeconds: 1800,
      backoffSeconds: 30,
      async handle({ trackId }, job) {
        const told = await announceTrack(ctx, trackId, { signal: job.signal });
        job.logger.info({ trackId, told }, "announced a new track to followers");
      },
    }),
  };
}
