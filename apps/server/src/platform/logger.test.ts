import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestServices } from "../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import { buildApp } from "../app.ts";
import { createLogger } from "./logger.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { deps, services } = await buildTestServices(testDb.database);
  // The app's own request log, captured as the process would write it to stdout.
  const logger = createLogger(
    "info",
    new Writable({ write: (chunk, _enc, done) => done(void lines.push(`${chunk}`)) }),
  );
  app = await buildApp({ ...deps, logger, services, webDist: null });
  app.addHook("onClose", () => services.close());
});
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

describe("the request log", () => {
  it("shows the path of a request but never its query string, where tokens travel", async () => {
    const token = "Lw0ngS1ngleUseT0kenFromTheMail";
    lines.length = 0;
    // A link mailed before tokens moved to the fragment, and the API call its page makes.
    await app.inject({ url: `/verify-email?token=${token}` });
    await app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });
    await app.inject({ url: `/reset-password?token=${token}&next=%2F` });
    await app.inject({ url: `/api/v1/search?q=${token}` });

    const entries = lines.map((line) => JSON.parse(line));
    const urls = entries.filter((entry) => entry.req).map((entry) => entry.req.url);
    expect(urls).toEqual(["/verify-email", "/api/v1/auth/verify-email", "/reset-password", "/api/v1/search"]);
    expect(lines.join("")).not.toContain(token);
  });
});
