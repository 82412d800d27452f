import type { TrackStatusEvent } from "@stave/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { TracksContext } from "./tracks.context.ts";
import { findTrack, TRACK_STATUS_CHANNEL, type TrackRow } from "./tracks.repo.ts";

const HEARTBEAT_MS = 15_000;

/** The app's open event streams, so a shutting-down server ends them instead of waiting on them. */
export type OpenStreams = Set<() => void>;

/**
 * Server-Sent Events of one track's processing status: the current state at once, then
 * every change (from whichever worker process makes it, via LISTEN/NOTIFY), closing once
 * the track is ready or failed.
 */
export async function streamTrackEvents(
  ctx: TracksContext,
  openStreams: OpenStreams,
  track: TrackRow,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  const send = (event: TrackStatusEvent) => raw.write(`event: status\ndata: ${JSON.stringify(event)}\n\n`);
  const finished = (status: string) => status === "ready" || status === "failed";

  let unsubscribe: (() => Promise<void>) | null = null;
  const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), HEARTBEAT_MS);
  const close = () => {
    openStreams.delete(close);
    clearInterval(heartbeat);
    void unsubscribe?.();
    if (!raw.writableEnded) raw.end();
  };
  request.raw.on("close", close);
  openStreams.add(close);

  // Listen first, then read: a change between the two is never missed.
  unsubscribe = await ctx.hub.subscribe(TRACK_STATUS_CHANNEL, (payload) => {
    const event = JSON.parse(payload) as TrackStatusEvent & { trackId: string };
    if (event.trackId !== track.id || raw.writableEnded) return;
    send({ status: event.status, progress: event.progress, failureReason: event.failureReason });
    if (finished(event.status)) close();
  });
  const current = (await findTrack(ctx.database.primary, track.id)) ?? track;
  send({ status: current.status, progress: current.progress, failureReason: current.failure_reason });
  if (finished(current.status)) close();
}
