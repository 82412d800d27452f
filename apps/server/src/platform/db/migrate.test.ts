import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { migrate, readMigrations } from "./migrate.ts";

describe("migrations", () => {
  let testDb: TestDatabase;
  afterEach(() => testDb?.drop());

  it("applies every migration once, in order, and records them", async () => {
    testDb = await createTestDatabase({ empty: true });
    const all = await readMigrations();
    expect(await migrate(testDb.database.pool)).toEqual(all.map((m) => m.version));
    expect(await migrate(testDb.database.pool)).toEqual([]);
    const { rows } = await testDb.database.pool.query("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((row) => row.version)).toEqual(all.map((m) => m.version));
  });

  it("is safe when several processes migrate the same database at once", async () => {
    testDb = await createTestDatabase({ empty: true });
    const results = await Promise.all([1, 2, 3].map(() => migrate(testDb.database.pool)));
    const applied = results.flat();
    expect(applied).toEqual((await readMigrations()).map((m) => m.version));
  });

  it("rolls back the whole run when one migration fails", async () => {
    testDb = await createTestDatabase({ empty: true });
    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-migrations-"));
    await writeFile(path.join(dir, "0001_good.sql"), "CREATE TABLE good (id int);");
    await writeFile(path.join(dir, "0002_bad.sql"), "CREATE TABLE bad (id nonsense_type);");
    await expect(migrate(testDb.database.pool, await readMigrations(dir))).rejects.toThrow(/0002_bad failed/);
    const { rows } = await testDb.database.pool.query(
      "SELECT to_regclass('good') AS good, to_regclass('schema_migrations') AS log",
    );
    expect(rows[0]).toEqual({ good: null, log: null });
  });

  it("records each applied migration's checksum, and refuses to start once an applied file changed", async () => {
    testDb = await createTestDatabase({ empty: true });
    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-migrations-"));
    await writeFile(path.join(dir, "0001_first.sql"), "CREATE TABLE first (id int);\n");
    await migrate(testDb.database.pool, await readMigrations(dir));
    const { rows } = await testDb.database.pool.query("SELECT checksum FROM schema_migrations");
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);

    // The same text from a Windows checkout is no edit.
    await writeFile(path.join(dir, "0001_first.sql"), "CREATE TABLE first (id int);\r\n");
    await expect(migrate(testDb.database.pool, await readMigrations(dir))).resolves.toEqual([]);

    await writeFile(path.join(dir, "0001_first.sql"), "CREATE TABLE first (id bigint);");
    await writeFile(path.join(dir, "0002_second.sql"), "CREATE TABLE second (id int);");
    await expect(migrate(testDb.database.pool, await readMigrations(dir))).rejects.toThrow(
      "Migration 0001_first.sql changed after it was applied to this database: " +
        "restore the file and put the change in a new migration",
    );
    // Nothing after the changed file was applied either.
    const second = await testDb.database.pool.query("SELECT to_regclass('second') AS second");
    expect(second.rows[0].second).toBeNull();
  });

  it("adopts the current files' checksums where an older Stave recorded none, and refuses a missing file", async () => {
    testDb = await createTestDatabase({ empty: true });
    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-migrations-"));
    await writeFile(path.join(dir, "0001_first.sql"), "CREATE TABLE first (id int);");
    await migrate(testDb.database.pool, await readMigrations(dir));
    await testDb.database.pool.query("UPDATE schema_migrations SET checksum = NULL");
    await writeFile(path.join(dir, "0002_second.sql"), "CREATE TABLE second (id int);");
    expect(await migrate(testDb.database.pool, await readMigrations(dir))).toEqual(["0002"]);
    const { rows } = await testDb.database.pool.query(
      "SELECT count(*)::int AS n FROM schema_migrations WHERE checksum IS NULL",
    );
    expect(rows[0].n).toBe(0);

    const onlySecond = (await readMigrations(dir)).filter((migration) => migration.version === "0002");
    await expect(migrate(testDb.database.pool, onlySecond)).rejects.toThrow(
      "Migration 0001_first.sql was applied to this database but its file is missing",
    );
  });

  it("refuses a migration file with a malformed name", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-migrations-"));
    await writeFile(path.join(dir, "1_oops.sql"), "SELECT 1;");
    await expect(readMigrations(dir)).rejects.toThrow(/0001_description\.sql/);
  });
});
