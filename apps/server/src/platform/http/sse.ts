import type { FastifyReply, FastifyRequest } from "fastify";

const HEARTBEAT_MS = 15_000;

/** The app's open event streams, so a shutting-down server ends them instead of waiting on them. */
export type OpenStreams = Set<() => void>;

export interface EventStream {
  send(event: string, data: unknown): void;
  close(): void;
  /**
   * Ends the stream with a last event saying why. `reconnectAfterMs` is the SSE `retry` hint: how
   * long a browser's EventSource waits before it comes back (it always does, unless the page
   * closes it; a revoked session then gets 401, which stops it for good).
   */
  end(event: string, data: unknown, reconnectAfterMs?: number): void;
  /** Runs once when the stream ends, whoever ends it. */
  onClose(cleanup: () => void): void;
  readonly closed: boolean;
}

/**
 * Turns the reply into a Server-Sent Events stream: no buffering by proxies, a comment
 * every 15 s so idle connections survive them, and one close path for client, server
 * and shutdown alike.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, openStreams: OpenStreams): EventStream {
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  const cleanups: (() => void)[] = [];
  const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), HEARTBEAT_MS);
  const close = () => {
    if (!openStreams.delete(close)) return;
    clearInterval(heartbeat);
    for (const cleanup of cleanups) cleanup();
    if (!raw.writableEnded) raw.end();
  };
  openStreams.add(close);
  request.raw.on("close", close);
  return {
    send(event, data) {
      if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close,
    end(event, data, reconnectAfterMs) {
      if (!openStreams.has(close)) return;
      const retry = reconnectAfterMs === undefined ? "" : `retry: ${Math.round(reconnectAfterMs)}\n`;
      if (!raw.writableEnded) raw.write(`${retry}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      close();
    },
    onClose(cleanup) {
      if (openStreams.has(close)) cleanups.push(cleanup);
      else cleanup();
    },
    get closed() {
      return !openStreams.has(close);
    },
  };
}
