export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export interface EventReader {
  /** Every event received so far. */
  readonly events: ServerSentEvent[];
  /** Resolves with the first event (already received or to come) that matches. */
  next(match: (event: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves when the stream ends, whoever ends it; `byServer` when the server did. */
  ended: Promise<{ byServer: boolean }>;
  /** The `retry` hint the server sent last, if any (how long EventSource waits to reconnect). */
  readonly retryMs: number | null;
  close(): void;
}

/** Opens a Server-Sent Events stream over real HTTP and collects its events as they come. */
export async function readEvents(url: string, headers: Record<string, string>): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
  const events: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  let retryMs: number | null = null;
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const retry = /^retry: (\d+)$/m.exec(block)?.[1];
          if (retry) retryMs = Number(retry);
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const wake of waiters) wake();
          end = buffer.indexOf("\n\n");
        }
      }
      return { byServer: true };
    } catch {
      // aborted by close()
      return { byServer: false };
    }
  })();
  return {
    events,
    next(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    ended,
    get retryMs() {
      return retryMs;
    },
    close: () => controller.abort(),
  };
}
