import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { errorEnvelopeSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { createDatabase } from "../db/database.ts";
import { findFreePort } from "../db/embedded.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let webDist: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  webDist = await mkdtemp(path.join(os.tmpdir(), "stave-web-"));
  await writeFile(path.join(webDist, "index.html"), "<!doctype html><title>Stave</title><div id=root></div>");
  app = await buildTestApp(testDb.database, { webDist, env: { BODY_LIMIT_BYTES: "1024" } });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

describe("operations endpoints", () => {
  it("reports the process healthy and the database ready", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
  });

  it("answers 503 not ready when the database cannot be reached", async () => {
    const unreachable = createDatabase({
      url: `postgres://nobody@127.0.0.1:${await findFreePort()}/none`,
      logger: silentLogger,
    });
    const isolated = await buildTestApp(unreachable);
    try {
      const ready = await isolated.inject("/readyz");
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: "not_ready", checks: { database: "down" } });
    } finally {
      await isolated.close();
      await unreachable.close();
    }
  });

  it("exposes request durations by route and job counts in Prometheus format", async () => {
    await testDb.database.primary
      .insertInto("jobs")
      .values({ name: "mail.send", payload: "{}", max_attempts: null })
      .execute();
    await app.inject("/api/v1/instance");
    const metrics = await app.inject("/metrics");
    expect(metrics.headers["content-type"]).toContain("text/plain");
    expect(metrics.body).toMatch(
      /stave_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/instance",status_code="200"\} 1/,
    );
    expect(metrics.body).toContain('stave_jobs{name="mail.send",state="queued"} 1');
  });

  it("guards /metrics with METRICS_TOKEN when one is set", async () => {
    const guarded = await buildTestApp(testDb.database, { env: { METRICS_TOKEN: "0123456789abcdef-metrics" } });
    try {
      expect((await guarded.inject("/metrics")).statusCode).toBe(401);
      const wrong = await guarded.inject({ url: "/metrics", headers: { authorization: "Bearer nope" } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.inject({
        url: "/metrics",
        headers: { authorization: "Bearer 0123456789abcdef-metrics" },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe("API conventions", () => {
  it("publishes an OpenAPI 3.1 document and a docs page", async () => {
    const spec = (await app.inject("/api/openapi.json")).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.paths["/api/v1/instance"].get).toBeDefined();
    const docs = await app.inject("/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("answers unknown API routes with the JSON error envelope, never the web page", async () => {
    const response = await app.inject({ url: "/api/v1/nothing-here", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(404);
    const body = errorEnvelopeSchema.parse(response.json());
    expect(body.error.code).toBe("NOT_FOUND");
  });

  it("refuses malformed JSON with 400 and an oversized body with 413, in the envelope", async () => {
    const malformed = await app.inject({
      method: "POST",
      url: "/api/v1/instance",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(malformed.json()).error.code).toBe("BAD_REQUEST");
    const tooLarge = await app.inject({
      method: "POST",
      url: "/api/v1/instance",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ filler: "x".repeat(4096) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(errorEnvelopeSchema.parse(tooLarge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("sets security headers, a request id, and no x-powered-by", async () => {
    const response = await app.inject({ url: "/api/v1/instance", headers: { "x-request-id": "req-123" } });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
    expect(response.headers["x-request-id"]).toBe("req-123");
  });
});

describe("web app", () => {
  it("serves the SPA at / and falls back to it for client routes", async () => {
    const home = await app.inject({ url: "/", headers: { accept: "text/html" } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("<div id=root>");
    const deepLink = await app.inject({ url: "/library/playlists", headers: { accept: "text/html" } });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain("<div id=root>");
  });

  it("tells the instance name and version", async () => {
    const info = (await app.inject("/api/v1/instance")).json();
    expect(info).toEqual({
      name: "Stave",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      description: "",
      registrationMode: "open",
      termsText: "",
      privacyText: "",
    });
  });
});
