import type { UserEvent } from "@stave/contracts";
import type { StreamEndedReason, UserEventHandlers, UserEventSource } from "../features/notifications/index.ts";

/**
 * A live event stream a test or story drives by hand. Give `fake.source` to
 * `<UserEventSourceProvider>` around the app, then `fake.emit(event)` as the server would
 * (in a test, inside `act(...)`).
 */
export function createFakeUserEvents() {
  const open = new Set<UserEventHandlers>();
  let opened = 0;
  const source: UserEventSource = (handlers) => {
    open.add(handlers);
    opened += 1;
    return () => open.delete(handlers);
  };
  return {
    source,
    /** Whether the app is listening now. */
    get connected() {
      return open.size > 0;
    },
    /** How many times the app has connected. */
    get connections() {
      return opened;
    },
    /** Delivers `event` to every open connection. */
    emit(event: UserEvent): void {
      for (const handlers of [...open]) handlers.onEvent(event);
    },
    /**
     * As if the server ended every open connection with `closed` and this reason (the session or
     * account is over): as the browser's source does, each stops for good and tells the app.
     */
    signOut(reason: StreamEndedReason = "signed_out"): void {
      for (const handlers of [...open]) {
        open.delete(handlers);
        handlers.onSignedOut(reason);
      }
    },
    /** As if the connection dropped and came back. */
    reconnect(): void {
      for (const handlers of [...open]) handlers.onReconnect();
    },
  };
}

export type FakeUserEvents = ReturnType<typeof createFakeUserEvents>;
