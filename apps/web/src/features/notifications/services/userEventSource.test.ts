import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserUserEventSource } from "./userEventSource.ts";

/** The browser's EventSource, driven by hand: jsdom has none. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  dispatch(type: string, data?: unknown) {
    const event = data === undefined ? new Event(type) : new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** What EventSource does when the server ends the response: it waits (the `retry` hint), then comes back. */
  serverEnds() {
    // One the page closed hears nothing more.
    if (this.readyState === FakeEventSource.CLOSED) return;
    this.readyState = FakeEventSource.CONNECTING;
    this.dispatch("error");
  }
  reopens() {
    this.readyState = FakeEventSource.OPEN;
    this.dispatch("open");
  }
}

function openSource() {
  const handlers = { onEvent: vi.fn(), onReconnect: vi.fn(), onSignedOut: vi.fn() };
  const close = browserUserEventSource(handlers);
  const [source] = FakeEventSource.opened;
  if (!source) throw new Error("no EventSource opened");
  source.reopens();
  return { handlers, close, source };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the browser's live event source", () => {
  it.each(["signed_out", "account_closed"] as const)("stops for good when the server ends it as %s", (reason) => {
    const { handlers, source } = openSource();
    source.dispatch("closed", { reason });
    source.serverEnds();

    // Closed by the page: EventSource does not come back to be refused.
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(handlers.onSignedOut).toHaveBeenCalledExactlyOnceWith(reason);
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it("comes back by itself after the server's hint when replaced by a newer tab, then catches up", () => {
    const { handlers, source } = openSource();
    source.dispatch("closed", { reason: "replaced" });
    source.serverEnds();

    // Left to EventSource, which waits the `retry` hint (a minute): not closed, not reopened at once.
    expect(source.readyState).toBe(FakeEventSource.CONNECTING);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(handlers.onSignedOut).not.toHaveBeenCalled();
    expect(handlers.onReconnect).not.toHaveBeenCalled();

    source.reopens();
    expect(handlers.onReconnect).toHaveBeenCalledOnce();
  });

  it("ignores a malformed closed event", () => {
    const { handlers, source } = openSource();
    source.dispatch("closed", { reason: "bored" });
    expect(source.readyState).toBe(FakeEventSource.OPEN);
    expect(handlers.onSignedOut).not.toHaveBeenCalled();
  });
});
