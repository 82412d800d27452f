import type { TrackStatusEvent } from "@stave/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type OpenStreams, openEventStream } from "../../platform/http/sse.ts";
import { endWithSignIn } from "../notifications/index.ts";
import type { TracksContext } from "./tracks.context.ts";
import { findTrack, TRACK_STATUS_CHANNEL, type TrackRow } from "./tracks.repo.ts";

export type { OpenStreams };

/**
 * Server-Sent Events of one track's processing status: the current state at once, then
 * every change (from whichever worker process makes it, via LISTEN/NOTIFY), closing once
 * the track is ready (or hidden) or failed. A signed-in viewer's stream also ends, as
 * `/me/events` streams do, with a last `closed` event once their session or token is revoked or
 * expires or their account is suspended or deleted: it would otherwise go on telling a signed-out
 * page about a track that may be private.
 */
export async function streamTrackEvents(
  ctx: TracksContext,
  openStreams: OpenStreams,
  track: TrackRow,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const stream = openEventStream(request, reply, openStreams);
  const send = (event: TrackStatusEvent) => stream.send("status", event);
  // 'hidden' is processed too: taken down, or the owner suspended, while it was processing.
  const finished = (status: string) => status === "ready" || status === "failed" || status === "hidden";

  // Listen first, then read: a change between the two is never missed.
  const unsubscribe = await ctx.hub.subscribe(TRACK_STATUS_CHANNEL, (payload) => {
    const event = JSON.parse(payload) as TrackStatusEvent & { trackId: string };
    if (event.trackId !== track.id || stream.closed) return;
    send({ status: event.status, progress: event.progress, failureReason: event.failureReason });
    if (finished(event.status)) stream.close();
  });
  stream.onClose(() => void unsubscribe());
  await endWithSignIn(ctx.database.primary, ctx.events, request, stream);
  if (stream.closed) return;
  const current = (await findTrack(ctx.database.primary, track.id)) ?? track;
  send({ status: current.status, progress: current.progress, failureReason: current.failure_reason });
  if (finished(current.status)) stream.close();
}
