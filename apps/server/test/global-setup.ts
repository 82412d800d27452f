import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../src/platform/db/embedded.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { createLogger } from "../src/platform/logger.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL to test against (TEST_DATABASE_URL, else an embedded one in
 * a temporary directory) and a migrated template database each test file clones.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger("warn");
  let adminUrl = process.env.TEST_DATABASE_URL;
  let cleanupEmbedded: (() => Promise<void>) | null = null;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stave-test-pg-"));
    await chmod(dir, 0o755); // PostgreSQL runs as its own user, which must reach the cluster
    const embedded = await startEmbeddedPostgres(path.join(dir, "postgres"), logger);
    adminUrl = embedded.url;
    cleanupEmbedded = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const templateDatabase = `stave_template_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const templatePool = new pg.Pool({ connectionString: withDatabase(adminUrl, templateDatabase), max: 1 });
  await migrate(templatePool);
  await templatePool.end();

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await admin.end();
    await cleanupEmbedded?.();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
