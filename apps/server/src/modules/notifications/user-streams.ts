import { randomUUID } from "node:crypto";
import { type EventStreamClosed, MAX_STREAMS_PER_USER } from "@stave/contracts";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { publishUserEvent, type UserEventBus, type UserEventSignal } from "../../platform/events/user-events.ts";
import type { EventStream } from "../../platform/http/sse.ts";
import type { Executor } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import { findLiveAccessToken, findLiveSession } from "../accounts/index.ts";

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

/** The sign-in (session or access token) behind a request, while it works: until when it does. */
type SignInLookup = () => Promise<{ expires_at: Date | null } | undefined>;

/**
 * Reads the request's own credential, as the access hook found it, so it needs no id of it;
 * a request without one (anonymous) has no sign-in to outlive.
 */
function signInOf(db: Kysely<DB>, request: FastifyRequest): SignInLookup {
  const principal = request.principal;
  if (principal?.via === "session" && request.sessionToken) {
    const hash = sha256(request.sessionToken);
    return () => findLiveSession(db, hash);
  }
  const bearer = /^bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
  if (principal?.via === "token" && bearer) {
    const hash = sha256(bearer);
    return () => findLiveAccessToken(db, hash);
  }
  return async () => undefined;
}

/** setTimeout's longest delay: a longer one (a token valid for a year) would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * How long to wait before asking again when the database still finds the sign-in live at its
 * expiry by this process's clock (the two clocks differ a little): a pause, not a tight loop.
 */
const EXPIRY_RECHECK_MS = 1_000;

/**
 * Keeps an event stream to the life of the sign-in and account that opened it: every stream a
 * signed-in request opens (`/me/events`, a track's processing status) ends, with a last `closed`
 * event, when its session or token is revoked or expires (`signed_out`) or the account is
 * suspended or deleted (`account_closed`). Revocations arrive as the user's signals, in every
 * API process; an expiry announces nothing, so each stream keeps a timer for its own.
 */
export class SignInGuard {
  private readonly lookup: SignInLookup;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    db: Kysely<DB>,
    private readonly request: FastifyRequest,
    private readonly stream: EventStream,
  ) {
    this.lookup = signInOf(db, request);
    stream.onClose(() => clearTimeout(this.timer));
  }

  /** Ends the stream when the signal says it may no longer run; true when it is over. */
  async endedBy(signal: UserEventSignal): Promise<boolean> {
    if (signal.type === "account_closed") endStream(this.stream, "account_closed");
    else if (signal.type === "sign_ins_revoked" && !(await this.lookup())) endStream(this.stream, "signed_out");
    return this.stream.closed;
  }

  /**
   * Checks the sign-in now, once the stream hears the user's signals (one revoked between the
   * access check and the subscription sends no signal it could still hear), and ends the
   * stream when it expires. True when the stream is over.
   */
  async check(): Promise<boolean> {
    return this.recheck(0);
  }

  private async recheck(minDelayMs: number): Promise<boolean> {
    if (this.stream.closed) return true;
    const signIn = await this.lookup();
    if (!signIn) {
      endStream(this.stream, "signed_out");
      return true;
    }
    if (signIn.expires_at && !this.stream.closed) {
      const delay = Math.min(Math.max(signIn.expires_at.getTime() - Date.now(), minDelayMs), MAX_TIMER_MS);
      clearTimeout(this.timer);
      // Asks the database again when it fires rather than trusting this clock: a late timer (a
      // long expiry, clock skew) only waits for the next one.
      this.timer = setTimeout(() => {
        this.recheck(EXPIRY_RECHECK_MS).catch((error: Error) =>
          this.request.log.warn({ reason: error.message }, "could not check an event stream's sign-in"),
        );
      }, delay);
    }
    return this.stream.closed;
  }
}

/**
 * Ends a stream that carries no user events of its own (a track's processing status) with its
 * sign-in or account, as `/me/events` streams end. Nothing to do for an anonymous one.
 */
export async function endWithSignIn(
  db: Kysely<DB>,
  events: UserEventBus,
  request: FastifyRequest,
  stream: EventStream,
): Promise<void> {
  const userId = request.principal?.userId;
  if (!userId) return;
  const guard = new SignInGuard(db, request, stream);
  const stop = await events.listen(userId, (signal) => {
    guard
      .endedBy(signal)
      .catch((error: Error) =>
        request.log.warn({ reason: error.message }, "could not check an event stream's sign-in"),
      );
  });
  stream.onClose(stop);
  await guard.check();
}
