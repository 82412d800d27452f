import { randomUUID } from "node:crypto";
import type { EventStreamClosed } from "@stave/contracts";
import type { EventStream } from "../../platform/http/sse.ts";
import type { Executor } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import { publishUserEvent, type UserEventSignal } from "./user-events.ts";

/** How many live event streams (`GET /api/v1/me/events`) one user keeps open, across all API processes. */
export const MAX_STREAMS_PER_USER = 5;

/**
 * How long a tab whose stream was replaced by a newer one waits before it reconnects (the SSE
 * `retry` hint; EventSource always comes back). A sixth tab does not break the first: that one
 * goes quiet for a minute, then takes the then-oldest stream's place and refreshes what it
 * missed. Short enough that no tab stays stale for long, long enough that tabs do not churn.
 */
export const REPLACED_STREAM_RECONNECT_MS = 60_000;

/** Why the server ended a stream: the last event it sends (`event: closed`). */
export type StreamClosedReason = EventStreamClosed["reason"];

export function endStream(stream: EventStream, reason: StreamClosedReason) {
  stream.end("closed", { reason }, reason === "replaced" ? REPLACED_STREAM_RECONNECT_MS : undefined);
}

/**
 * One stream's place among its user's streams, across every API process. Each stream announces
 * its opening and closing on the user's NOTIFY channel, which every process hears in one order
 * (commit order). A stream counts the streams announced after its own announcement and not yet
 * closed; once `max` of them are open it is the oldest beyond the limit, and ends. So the
 * newest always stays (the tab someone just opened is the one they look at; a refused
 * EventSource would keep retrying anyway), and the count is exact across processes at the cost
 * of two NOTIFYs per stream, with no shared table or heartbeat.
 *
 * A process that dies announces no closings: its streams then count as open for the older
 * streams elsewhere, which may end early, reconnect a minute later as the newest, and count
 * none of those phantoms (they are older). Signals missed while a LISTEN connection was down
 * err the same ways and heal the same way.
 */
export class StreamSlot {
  private readonly id = randomUUID();
  private announced = false;
  private readonly newer = new Set<string>();
  /** The announcement's NOTIFY: the closing one goes after it, so no process hears them swapped. */
  private announcing: Promise<void> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly logger: Logger,
    private readonly userId: string,
    private readonly stream: EventStream,
    private readonly max = MAX_STREAMS_PER_USER,
  ) {
    stream.onClose(() => {
      // Never announced, never counted: nothing to take back.
      void this.announcing?.then(() => this.publish("stream_closed"));
    });
  }

  /**
   * Announces the stream, once its listener hears the user's signals (so it hears its own
   * announcement). A failure (the database going away at shutdown, say) only leaves this
   * stream uncounted: not thrown, as the stream works without it.
   */
  announce(): Promise<void> {
    if (this.stream.closed) return Promise.resolve();
    this.announcing ??= this.publish("stream_opened");
    return this.announcing;
  }

  private publish(type: "stream_opened" | "stream_closed") {
    return publishUserEvent(this.db, { userId: this.userId, type, streamId: this.id }).catch((error: Error) =>
      this.logger.debug({ reason: error.message, type }, "could not announce an event stream"),
    );
  }

  /** Handles the user's stream signals; false for any other signal. */
  hear(signal: UserEventSignal): boolean {
    if (signal.type === "stream_opened") {
      if (signal.streamId === this.id) this.announced = true;
      else if (this.announced) this.newer.add(signal.streamId);
      if (this.newer.size >= this.max) endStream(this.stream, "replaced");
      return true;
    }
    if (signal.type === "stream_closed") {
      this.newer.delete(signal.streamId);
      return true;
    }
    return false;
  }
}
