import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Database } from "../src/platform/db/database.ts";
import { createLogger } from "../src/platform/logger.ts";
import { withDatabase } from "./global-setup.ts";

export const silentLogger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");

export interface TestDatabase {
  url: string;
  name: string;
  database: Database;
  drop(): Promise<void>;
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh database of our own, cloned from the migrated template (or empty). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `stave_test_${randomBytes(6).toString("hex")}`;
  const template = options.empty ? "template0" : inject("templateDatabase");
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = withDatabase(inject("adminDatabaseUrl"), name);
  const database = createDatabase({ url, logger: silentLogger, poolSize: 5 });
  return {
    url,
    name,
    database,
    async drop() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
