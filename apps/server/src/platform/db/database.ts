import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "../logger.ts";
import type { DB } from "./schema.ts";

// Return int8 (count(*), sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// A DATE is a calendar day, not an instant: keep "2024-01-01" rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface Database {
  /** The primary: every write, and reads of what the caller just wrote. */
  readonly primary: Kysely<DB>;
  /** Reads that may lag: the read replica when one is configured, else the primary. */
  forRead(): Kysely<DB>;
  /** The primary's pool, for plumbing that needs raw connections (LISTEN, migrations). */
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  readUrl?: string | undefined;
  poolSize?: number;
  logger: Logger;
}

function createPool(connectionString: string, max: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (error) => logger.warn({ reason: error.message }, "idle database connection lost"));
  return pool;
}

export function createDatabase(options: DatabaseOptions): Database {
  const poolSize = options.poolSize ?? 10;
  const pool = createPool(options.url, poolSize, options.logger);
  const primary = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const readPool = options.readUrl ? createPool(options.readUrl, poolSize, options.logger) : null;
  const replica = readPool ? new Kysely<DB>({ dialect: new PostgresDialect({ pool: readPool }) }) : null;

  return {
    primary,
    pool,
    forRead: () => replica ?? primary,
    async close() {
      await Promise.all([primary.destroy(), replica?.destroy()]);
    },
  };
}
