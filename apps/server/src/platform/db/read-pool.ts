import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import pg from "pg";
import { isConnectionError, type ReplicaMonitor } from "./replica.ts";

/**
 * The replica's pool as the replica's Kysely sees it, made safe for a replica that dies
 * between two health checks: a connection that cannot be opened, or whose first statement
 * fails with a connection error, is swapped for a primary connection for the rest of that
 * checkout. Re-running that first statement on the primary is safe: a hot standby cannot
 * have written anything, and the primary is never staler than the replica.
 *
 * What a request in flight sees when the replica goes away: a read that had not started, or
 * whose first statement hit the dead connection, is answered by the primary; a read already
 * inside a multi-statement transaction on the replica fails (the request answers 500) — it
 * cannot move to another server mid-transaction. Either way the monitor marks the replica
 * down at once, so the requests that follow go to the primary without trying it.
 */
export function createReadPool(replica: pg.Pool, primary: pg.Pool, monitor: ReplicaMonitor): PostgresPool {
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await replica.connect();
      } catch (error) {
        monitor.reportFailure(error);
        monitor.countFallback("down");
        return primary.connect();
      }
      return new FailoverClient(client, primary, monitor);
    },
    end: () => replica.end(),
    // What Kysely opens a separate connection with to cancel a running query: the replica's.
    // A statement that failed over runs on the primary; a cancel sent to the replica for it
    // names a backend key the replica does not have, and is ignored.
    options: replica.options,
    Client: pg.Client,
  };
}

class FailoverClient implements PostgresPoolClient {
  #client: pg.PoolClient;
  #onReplica = true;
  #used = false;
  readonly #primary: pg.Pool;
  readonly #monitor: ReplicaMonitor;
  // The pool listens for errors only on idle clients; a checked-out one that loses its
  // connection between statements would otherwise emit an unhandled 'error'.
  readonly #onError = (error: Error) => this.#monitor.reportFailure(error);

  constructor(client: pg.PoolClient, primary: pg.Pool, monitor: ReplicaMonitor) {
    this.#client = client;
    this.#primary = primary;
    this.#monitor = monitor;
    client.on("error", this.#onError);
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== "string") {
      this.#used = true;
      return this.#client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    return this.#run<R>(sqlOrCursor, parameters ?? []);
  }

  release(destroy?: boolean) {
    // A client going back to the pool sheds our listener (the pool has its own for idle
    // clients); a destroyed one keeps it, in case its socket still has something to say.
    if (!destroy) this.#client.removeListener("error", this.#onError);
    this.#client.release(destroy);
  }

  async #run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const first = !this.#used;
    this.#used = true;
    try {
      return (await this.#client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (!this.#onReplica || !isConnectionError(error)) throw error;
      this.#monitor.reportFailure(error);
      if (!first) throw error;
      // Taken before letting go of the dead one, so release() always has a client to release.
      const fallback = await this.#primary.connect();
      this.#client.release(true);
      this.#client = fallback;
      this.#onReplica = false;
      this.#monitor.countFallback("down");
      return (await this.#client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
    }
  }
}
