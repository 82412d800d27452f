import { type UserEvent, userEventSchema } from "@stave/contracts";

export type UserEventHandlers = {
  /** Each event as it happens; the first is a `read` with the current unread counts. */
  onEvent: (event: UserEvent) => void;
  /** The stream is back after a drop: anything that happened meanwhile was missed. */
  onReconnect: () => void;
};

/**
 * Opens the signed-in user's live events; returns the function that closes them. The app
 * uses the browser's EventSource; tests and stories pass their own to push events.
 */
export type UserEventSource = (handlers: UserEventHandlers) => () => void;

const EVENT_NAMES = ["notification", "message", "read"] as const satisfies readonly UserEvent["type"][];

/**
 * `GET /api/v1/me/events` over Server-Sent Events, same origin so the session cookie goes
 * along. A dropped connection is retried by EventSource itself; without EventSource
 * (jsdom) there is nothing live and the badges load as ordinary queries.
 */
export const browserUserEventSource: UserEventSource = ({ onEvent, onReconnect }) => {
  if (typeof EventSource === "undefined") return () => {};
  const source = new EventSource("/api/v1/me/events", { withCredentials: true });
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
  source.addEventListener("error", () => {
    dropped = true;
  });
  source.addEventListener("open", () => {
    if (dropped) onReconnect();
    dropped = false;
  });
  return () => source.close();
};
