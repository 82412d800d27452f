import { sql } from "kysely";
import type { NotificationHub } from "../db/notifications.ts";
import type { Executor } from "../jobs/index.ts";

export const USER_EVENTS_CHANNEL = "user_events";

/**
 * What travels through NOTIFY: only ids (a payload is limited to 8 kB, and the stream
 * reads the current row anyway), for the user whose open pages should hear of it.
 */
export type UserEventSignal =
  | { userId: string; type: "notification"; id: string }
  | { userId: string; type: "message"; id: string }
  | { userId: string; type: "read" }
  /** Some of their sessions or access tokens stopped working: each open stream checks its own. */
  | { userId: string; type: "sign_ins_revoked" }
  /** Suspended or deleted: every open stream of theirs ends. */
  | { userId: string; type: "account_closed" }
  /** One of their event streams opened or closed, in some API process (see notifications/user-streams.ts). */
  | { userId: string; type: "stream_opened" | "stream_closed"; streamId: string };

/** Announces an event to the user's open pages once `db`'s transaction commits. */
export async function publishUserEvent(db: Executor, signal: UserEventSignal) {
  await sql`SELECT pg_notify(${USER_EVENTS_CHANNEL}, ${JSON.stringify(signal)})`.execute(db);
}

/**
 * Called in the transaction that revokes a session or an access token (sign-out, a revoked
 * session or token, a password change or reset, a suspension): the streams opened with it end
 * when it commits, in every API process.
 */
export const announceSignInsRevoked = (db: Executor, userId: string) =>
  publishUserEvent(db, { userId, type: "sign_ins_revoked" });

/** Called in the transaction that suspends or deletes the account: all its streams end. */
export const announceAccountClosed = (db: Executor, userId: string) =>
  publishUserEvent(db, { userId, type: "account_closed" });

type Listener = (signal: UserEventSignal) => void;

/**
 * One LISTEN per process, dispatched by user id to that user's open event streams, so an
 * event costs the same however many people are connected.
 */
export class UserEventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscription: Promise<() => Promise<void>> | null = null;

  constructor(private readonly hub: NotificationHub) {}

  async listen(userId: string, listener: Listener): Promise<() => void> {
    this.subscription ??= this.hub.subscribe(USER_EVENTS_CHANNEL, (payload) => this.dispatch(payload));
    await this.subscription;
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  private dispatch(payload: string) {
    const signal = JSON.parse(payload) as UserEventSignal;
    for (const listener of this.listeners.get(signal.userId) ?? []) listener(signal);
  }
}
