// Bulk inserts for the bench seeders: many rows in one round trip, one transaction per phase.
import type pg from "pg";

/**
 * A column to insert: its name, its PostgreSQL type, one value per row, and optionally the
 * SQL that makes the stored value from `u.<name>` (the unnested array) instead of storing it as it is.
 */
export type Column = [name: string, type: string, values: unknown[], expression?: string];

/** INSERT INTO table (…) SELECT … FROM unnest($1::type[], …): one round trip per batch. */
export async function insertUnnest(client: pg.PoolClient, table: string, columns: Column[]) {
  const names = columns.map(([name]) => name);
  const select = columns.map(([name, , , expression]) => expression ?? name);
  const sources = columns.map(([, type], index) => `$${index + 1}::${type}[]`);
  await client.query(
    `INSERT INTO ${table} (${names.join(", ")}) SELECT ${select.join(", ")} FROM unnest(${sources.join(", ")}) AS u(${names.join(", ")})`,
    columns.map(([, , values]) => values),
  );
}

/**
 * Runs `work` in one transaction that does not wait for its commit to reach the disk: a
 * seed that fails is run again, so durability is not worth the wait.
 */
export async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
