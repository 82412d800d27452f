import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { createReadPool } from "./read-pool.ts";
import { type ReplicaHealth, ReplicaMonitor } from "./replica.ts";
import type { DB } from "./schema.ts";

// Return int8 (count(*), sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// A DATE is a calendar day, not an instant: keep "2024-01-01" rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type { FallbackReason, ReplicaHealth, ReplicaState, ReplicaStatus } from "./replica.ts";

/**
 * Where reads go: `primary` for every write and for a signed-in user's reads of their own
 * resources (what they may have just written: their profile, their tracks, their
 * sessions); `forRead()` for everything that may lag a little — public pages, lists,
 * feeds, search, other people's things. There is no "recently wrote" window kept in
 * memory: it would not hold across API processes.
 */
export interface Database {
  /** The primary: every write, and a signed-in user's reads of their own resources. */
  readonly primary: Kysely<DB>;
  /**
   * Reads that may lag: the read replica while it is healthy, else the primary (each
   * such fallback is counted in `replica.fallbacks`).
   */
  forRead(): Kysely<DB>;
  /** The primary's pool, for plumbing that needs raw connections (LISTEN, migrations). */
  readonly pool: pg.Pool;
  /** The read replica's health and fallback counts; null without DATABASE_READ_URL. */
  readonly replica: ReplicaHealth | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  readUrl?: string | undefined;
  poolSize?: number;
  /** Past this many seconds behind the primary the replica is "lagging" and reads fall back (default 5). */
  readMaxLagSeconds?: number;
  /** How often the replica is checked, in the background (default 1000 ms). */
  replicaCheckIntervalMs?: number;
  logger: Logger;
}

function createPool(connectionString: string, max: number, logger: Logger, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, ...extra });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (error) => logger.warn({ reason: error.message }, "idle database connection lost"));
  return pool;
}

export function createDatabase(options: DatabaseOptions): Database {
  const poolSize = options.poolSize ?? 10;
  const pool = createPool(options.url, poolSize, options.logger);
  const primary = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  if (!options.readUrl) {
    return {
      primary,
      pool,
      replica: null,
      forRead: () => primary,
      close: () => primary.destroy(),
    };
  }

  const monitor = new ReplicaMonitor({
    url: options.readUrl,
    maxLagSeconds: options.readMaxLagSeconds ?? 5,
    intervalMs: options.replicaCheckIntervalMs ?? 1000,
    logger: options.logger,
  });
  // A replica that does not answer within seconds is treated as down: the read goes to the primary.
  const readPool = createPool(options.readUrl, poolSize, options.logger, { connectionTimeoutMillis: 5000 });
  readPool.on("error", (error) => monitor.reportFailure(error));
  const replica = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createReadPool(readPool, pool, monitor) }) });
  monitor.start();

  return {
    primary,
    pool,
    replica: monitor,
    forRead() {
      const state = monitor.state;
      if (state === "healthy") return replica;
      if (state === "down" || state === "lagging") monitor.countFallback(state);
      return primary;
    },
    async close() {
      await monitor.stop();
      await Promise.all([primary.destroy(), replica.destroy()]);
    },
  };
}
