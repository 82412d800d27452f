import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { serverPath } from "../../paths.ts";

export const migrationsDir = serverPath("migrations/");

// An arbitrary constant shared by every Stave process: whoever holds it migrates,
// the others wait and then find nothing left to do.
const MIGRATION_LOCK_ID = 7_406_231_905;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const migrationFile = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = migrationFile.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new Error(`Migration file name must look like 0001_description.sql: ${file}`);
      }
      return { version: match[1], name: match[2], sql: await readFile(path.join(dir, file), "utf8") };
    }),
  );
}

/**
 * Applies the migrations not yet recorded, in order, in one transaction under an
 * advisory lock, so two processes starting at once are safe and a failure changes nothing.
 * Returns the versions it applied.
 */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<string[]> {
  const pending = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: string }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((row) => row.version));
    const applying = pending.filter((migration) => !applied.has(migration.version));
    for (const migration of applying) {
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`);
      }
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    await client.query("COMMIT");
    return applying.map((migration) => migration.version);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
