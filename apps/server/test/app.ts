import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { createLocalStorage } from "../src/platform/storage/index.ts";
import { silentLogger } from "./database.ts";

/** The real app over a test database, with media in a temporary directory. */
export async function buildTestApp(
  database: Database,
  options: { env?: Record<string, string>; webDist?: string | null } = {},
): Promise<FastifyInstance> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-app-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...options.env });
  return buildApp({
    config,
    database,
    storage: createLocalStorage(config.paths.media),
    logger: silentLogger,
    secretKey: "test-secret-key-that-is-long-enough-000",
    webDist: options.webDist ?? null,
  });
}
