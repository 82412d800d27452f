import {
  api,
  type EventStreamClosed,
  eventStreamClosedSchema,
  operationPath,
  type UserEvent,
  userEventSchema,
} from "@stave/contracts";

/** Why the server ended the stream for good: its session or token is over, or the account. */
export type StreamEndedReason = Exclude<EventStreamClosed["reason"], "replaced">;

export type UserEventHandlers = {
  /** Each event as it happens; the first is a `read` with the current unread counts. */
  onEvent: (event: UserEvent) => void;
  /** The stream is back after a drop: anything that happened meanwhile was missed. */
  onReconnect: () => void;
  /**
   * The server ended the stream because its sign-in or account is over; the source does not
   * reconnect (it would only be refused), so whoever is signed in now must be asked.
   */
  onSignedOut: (reason: StreamEndedReason) => void;
};

/**
 * Opens the signed-in user's live events; returns the function that closes them. The app
 * uses the browser's EventSource; tests and stories pass their own to push events.
 */
export type UserEventSource = (handlers: UserEventHandlers) => () => void;

const EVENT_NAMES = ["notification", "message", "read"] as const satisfies readonly UserEvent["type"][];

/**
 * `api.notifications.events` over Server-Sent Events, same origin so the session cookie goes
 * along. A dropped connection is retried by EventSource itself; without EventSource
 * (jsdom) there is nothing live and the badges load as ordinary queries.
 *
 * The server's last `closed` event says what to do next: `replaced` (a newer tab of the same
 * user took this stream's place) comes with a `retry` hint of a minute, which EventSource
 * obeys, so the stream comes back then, once, and `onReconnect` fetches what it missed;
 * `signed_out` and `account_closed` stop it for good.
 */
export const browserUserEventSource: UserEventSource = ({ onEvent, onReconnect, onSignedOut }) => {
  if (typeof EventSource === "undefined") return () => {};
  // EventSource cannot be given fetch's options, so it gets the operation's URL instead of a call.
  const source = new EventSource(operationPath(api.notifications.events.path, undefined), { withCredentials: true });
  let dropped = false;
  const onMessage = (message: Event) => {
    let data: unknown;
    try {
      data = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return;
    }
    const parsed = userEventSchema.safeParse(data);
    if (parsed.success) onEvent(parsed.data);
  };
  for (const name of EVENT_NAMES) source.addEventListener(name, onMessage);
  source.addEventListener("closed", (message) => {
    let data: unknown;
    try {
      data = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return;
    }
    const parsed = eventStreamClosedSchema.safeParse(data);
    // Replaced: EventSource reconnects by itself after the server's hint; closing it here would
    // lose this tab's live updates for good, reopening it at once would churn with the newer tab.
    if (!parsed.success || parsed.data.reason === "replaced") return;
    source.close();
    onSignedOut(parsed.data.reason);
  });
  source.addEventListener("error", () => {
    dropped = true;
  });
  source.addEventListener("open", () => {
    if (dropped) onReconnect();
    dropped = false;
  });
  return () => source.close();
};
