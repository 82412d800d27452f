import { api, operationPath, type TrackStatusEvent, trackStatusEventSchema } from "@stave/contracts";
import { isFinalStatus } from "../trackStatus.ts";

export type TrackStatusListener = {
  /** Each `status` event, the current state first. */
  onStatus: (event: TrackStatusEvent) => void;
  /** The stream cannot be had (no EventSource, or the server refused it): poll instead. */
  onUnavailable: () => void;
};

/**
 * An open event stream holds one of the browser's six HTTP/1.1 connections to the
 * server for as long as it lasts; past this many, more tracks poll instead, so the
 * page's own requests are never left waiting for a free connection.
 */
const MAX_OPEN_STREAMS = 3;
let openStreams = 0;

/**
 * Follows a track's processing over Server-Sent Events (same origin, so the session
 * cookie goes along). Returns the function that stops listening. Tests substitute this
 * module: jsdom has no EventSource.
 */
export function subscribeToTrackStatus(trackId: string, listener: TrackStatusListener): () => void {
  if (typeof EventSource === "undefined" || openStreams >= MAX_OPEN_STREAMS) {
    queueMicrotask(listener.onUnavailable);
    return () => {};
  }
  const source = new EventSource(operationPath(api.tracks.events.path, { id: trackId }));
  openStreams += 1;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    openStreams -= 1;
    source.close();
  };
  source.addEventListener("status", (message) => {
    let parsed: ReturnType<typeof trackStatusEventSchema.safeParse>;
    try {
      parsed = trackStatusEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    listener.onStatus(parsed.data);
    // The server closes the stream after this; EventSource would otherwise reconnect.
    if (isFinalStatus(parsed.data.status)) close();
  });
  source.addEventListener("error", () => {
    // CONNECTING means the browser is already retrying a dropped stream; CLOSED means it gave up.
    if (source.readyState === EventSource.CLOSED) {
      close();
      listener.onUnavailable();
    }
  });
  return close;
}
