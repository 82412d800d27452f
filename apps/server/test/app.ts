import { mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { errorEnvelopeSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createDatabase, type Database } from "../src/platform/db/database.ts";
import { createMediaToolkit } from "../src/platform/media/index.ts";
import { createLocalStorage } from "../src/platform/storage/index.ts";
import { buildServices, mediaLimitsOf, type Services } from "../src/services.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "./database.ts";

/** The real app over a test database, with media in a temporary directory. */
export const TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-000";

/** The services of a test app, over a test database, with media in a temporary directory. */
export async function buildTestServices(database: Database, env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-app-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  await mkdir(config.paths.tmp, { recursive: true });
  const deps = {
    config,
    database,
    storage: createLocalStorage(config.paths.media),
    media: createMediaToolkit({ logger: silentLogger, limits: mediaLimitsOf(config) }),
    logger: silentLogger,
    secretKey: TEST_SECRET_KEY,
  };
  return { deps, services: buildServices(deps) };
}

/** The real app over a test database, with media in a temporary directory. */
export async function buildTestApp(
  database: Database,
  options: { env?: Record<string, string>; webDist?: string | null; services?: Services } = {},
): Promise<FastifyInstance> {
  const built = await buildTestServices(database, options.env);
  // The app owns its services' lifetime: closing it releases their LISTEN connection.
  const services = options.services ?? built.services;
  if (options.services) await built.services.close();
  const app = await buildApp({ ...built.deps, services, webDist: options.webDist ?? null });
  app.addHook("onClose", () => services.close());
  return app;
}

export interface TestAppContext {
  db: TestDatabase;
  app: FastifyInstance;
}

/**
 * A test file's own database and app, made before its tests and dropped after them.
 * Read `t.app` / `t.db` inside tests (they exist once `beforeAll` has run).
 */
export function useTestApp(options: { env?: Record<string, string> } = {}): TestAppContext {
  const context = {} as TestAppContext;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.app = await buildTestApp(context.db.database, options);
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.drop();
  });
  return context;
}

/** The error code of an API answer, checked against the error envelope. */
export const errorCode = (response: { json(): unknown }) => errorEnvelopeSchema.parse(response.json()).error.code;

export interface TwoApiProcesses {
  db: TestDatabase;
  apiA: FastifyInstance;
  apiB: FastifyInstance;
  /** Where each listens, for real HTTP clients (event streams). */
  addressA: string;
  addressB: string;
  close(): Promise<void>;
}

/**
 * Two API processes' worth of app over one test database, each with its own pool and LISTEN
 * connection and listening on loopback, as two `stave serve` processes behind a proxy are.
 */
export async function startTwoApiProcesses(): Promise<TwoApiProcesses> {
  const db = await createTestDatabase();
  const secondDatabase = createDatabase({ url: db.url, poolSize: 4, logger: silentLogger });
  const apiA = await buildTestApp(db.database);
  const apiB = await buildTestApp(secondDatabase);
  const addressA = await apiA.listen({ port: 0, host: "127.0.0.1" });
  const addressB = await apiB.listen({ port: 0, host: "127.0.0.1" });
  return {
    db,
    apiA,
    apiB,
    addressA,
    addressB,
    async close() {
      await apiA.close();
      await apiB.close();
      await secondDatabase.close();
      await db.drop();
    },
  };
}
