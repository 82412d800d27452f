import type pg from "pg";
import type { Logger } from "../logger.ts";

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY fanned out to in-process subscribers over one dedicated
 * connection. Events cross processes (a worker's NOTIFY reaches every API process), so
 * nothing depends on which process did the work.
 */
export class NotificationHub {
  private client: pg.PoolClient | null = null;
  private connecting: Promise<pg.PoolClient> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectListeners = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  private async connection(): Promise<pg.PoolClient> {
    if (this.client) return this.client;
    this.connecting ??= this.pool.connect().then((client) => {
      client.on("notification", (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
      });
      client.on("error", (error) => {
        // Already released (close(), or a loss handled before): releasing again would throw.
        if (this.client !== client) return;
        this.logger.warn({ reason: error.message }, "notification connection lost; reconnecting");
        client.release(true);
        this.client = null;
        this.connecting = null;
        if (!this.closed) setTimeout(() => void this.relisten(), 1000).unref();
      });
      this.client = client;
      return client;
    });
    try {
      return await this.connecting;
    } finally {
      this.connecting = null;
    }
  }

  private async relisten() {
    const client = await this.connection().catch(() => null);
    for (const channel of this.handlers.keys()) await client?.query(`LISTEN ${channel}`).catch(() => undefined);
    if (client) for (const listener of this.reconnectListeners) listener();
  }

  /**
   * Calls `listener` each time the connection is back after a loss: events sent while it was
   * down are gone, so whoever keeps state by them (a cache evicted by NOTIFY) starts afresh.
   */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Calls `handler` with each payload sent on `channel` (a plain identifier) until unsubscribed. */
  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name ${channel}`);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await (await this.connection()).query(`LISTEN ${channel}`);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(channel) === set) {
        this.handlers.delete(channel);
        await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
      }
    };
  }

  async close() {
    this.closed = true;
    this.handlers.clear();
    this.client?.release(true);
    this.client = null;
  }
}
