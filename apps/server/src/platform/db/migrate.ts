import { createHash } from "node:crypto";
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

/** A migration's fingerprint: its text, line endings folded (a Windows checkout is no edit). */
export const checksumOf = (migration: Migration) =>
  createHash("sha256").update(migration.sql.replaceAll("\r\n", "\n")).digest("hex");

const fileName = (migration: Pick<Migration, "version" | "name">) => `${migration.version}_${migration.name}.sql`;

/**
 * A landed migration is never edited: an instance that applied the first version would
 * silently miss the change. So each applied migration's checksum is recorded, and a file that
 * no longer matches stops start-up, naming the file. Rows from before checksums were kept
 * adopt the file as it is now, once.
 */
async function checkApplied(client: pg.PoolClient, files: Migration[]) {
  const { rows } = await client.query<{ version: string; name: string; checksum: string | null }>(
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
  );
  const byVersion = new Map(files.map((migration) => [migration.version, migration]));
  for (const row of rows) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new Error(`Migration ${fileName(row)} was applied to this database but its file is missing`);
    }
    const checksum = checksumOf(file);
    if (row.checksum === null) {
      await client.query("UPDATE schema_migrations SET checksum = $2 WHERE version = $1", [row.version, checksum]);
    } else if (row.checksum !== checksum) {
      throw new Error(
        `Migration ${fileName(file)} changed after it was applied to this database: ` +
          "restore the file and put the change in a new migration",
      );
    }
  }
  return new Set(rows.map((row) => row.version));
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
    await client.query("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text");
    const applied = await checkApplied(client, pending);
    const applying = pending.filter((migration) => !applied.has(migration.version));
    for (const migration of applying) {
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`);
      }
      await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        checksumOf(migration),
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
