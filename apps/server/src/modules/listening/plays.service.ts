import { countsAfterMs, type PlayProgress, type PlayStarted } from "@stave/contracts";
import type { Principal } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import { loadVisibleTrack } from "../tracks/index.ts";
import type { Listener } from "./listener.ts";
import type { ListeningContext } from "./listening.context.ts";
import {
  countPlay,
  insertPlay,
  lockPlay,
  lockTrackOfPlay,
  savePlayProgress,
  updateHistoryListened,
} from "./plays.repo.ts";

/**
 * Plays a listener may start: generous for someone skipping through a playlist, tight
 * enough that a script cannot flood the plays table. Counted in PostgreSQL, exact across
 * API processes.
 */
export const PLAY_START_LIMIT: RateRule = { name: "plays:start", limit: 120, windowSeconds: 600 };

/**
 * What a report may claim beyond the track's length or the time since the play started:
 * the player's clock, network delays and rounding. More is not a listener, or is a bug.
 */
export const PROGRESS_SLACK_MS = 10_000;

/** A listener starts a track they may view: a new play, and for a signed-in one a history entry. */
export async function startPlay(
  ctx: ListeningContext,
  trackId: string,
  principal: Principal | null,
  listener: Listener,
): Promise<PlayStarted> {
  await ctx.limiter.hit(PLAY_START_LIMIT, listener.key);
  const track = await loadVisibleTrack(ctx, trackId, principal);
  // Owners and admins see their tracks while processing; there is nothing to play yet.
  if (track.status !== "ready") throw new AppError("TRACK_NOT_READY", "The track is still being processed");
  const threshold = countsAfterMs(track.duration_ms);
  const playId = await insertPlay(ctx.database.primary, {
    trackId: track.id,
    listenerKey: listener.key,
    durationMs: track.duration_ms,
    countsAfterMs: threshold,
    historyUserId: listener.userId,
  });
  return { playId, trackId: track.id, countsAfterMs: threshold };
}

interface PlayClock {
  duration_ms: number | null;
  elapsed_ms: number;
}

function assertPlausible(play: PlayClock, listenedMs: number) {
  if (play.duration_ms !== null && listenedMs > play.duration_ms + PROGRESS_SLACK_MS) {
    throw new AppError(
      "PLAY_PROGRESS_IMPLAUSIBLE",
      `listenedMs (${listenedMs}) is longer than the track (${play.duration_ms} ms): start a new play to hear it again`,
    );
  }
  if (listenedMs > play.elapsed_ms + PROGRESS_SLACK_MS) {
    throw new AppError(
      "PLAY_PROGRESS_IMPLAUSIBLE",
      `listenedMs (${listenedMs}) is longer than the time since the play started (${Math.round(play.elapsed_ms)} ms)`,
    );
  }
}

/**
 * Records how much of the play the listener has heard (the largest report wins) and, the
 * first time it reaches the play's threshold, decides whether it counts: see countPlay for
 * why the count is exact under any number of concurrent reports.
 */
export async function reportProgress(
  ctx: ListeningContext,
  playId: string,
  listener: Listener,
  listenedMs: number,
): Promise<PlayProgress> {
  return ctx.database.primary.transaction().execute(async (trx) => {
    // A play id that is not this listener's is as unknown as one that never existed.
    const trackId = await lockTrackOfPlay(trx, playId, listener.key);
    const play = trackId ? await lockPlay(trx, playId) : undefined;
    if (!trackId || !play) throw notFound("Play");
    assertPlausible(play, listenedMs);

    const listened = Math.max(play.listened_ms, listenedMs);
    let outcome = play.outcome;
    if (outcome === null && listened >= play.counts_after_ms) {
      outcome = (await countPlay(trx, trackId, listener.key)) ? "counted" : "repeat";
    }
    if (listened !== play.listened_ms || outcome !== play.outcome) {
      await savePlayProgress(trx, playId, listened, outcome);
      if (listener.userId) await updateHistoryListened(trx, playId, listened);
    }
    return { playId, trackId, listenedMs: listened, counted: outcome === "counted" };
  });
}
