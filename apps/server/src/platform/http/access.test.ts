import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";

describe("access policies", () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    app = await buildTestApp(testDb.database);
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  it("refuses to register an API route that declares no access policy", () => {
    expect(() => app.get("/api/v1/forgotten", async () => ({}))).toThrow(
      "Route GET /api/v1/forgotten declares no access policy",
    );
  });

  it("refuses to register any route without a policy, API or not", () => {
    expect(() => app.get("/feeds/forgotten", async () => ({}))).toThrow(
      "Route GET /feeds/forgotten declares no access policy",
    );
    expect(() => app.post("/%61pi/v1/forgotten", async () => ({}))).toThrow("declares no access policy");
  });

  it("refuses a route that reads no credentials unless it is public", () => {
    expect(() =>
      app.get("/internal/secret", { config: { access: ["admin"], credentials: "none" } }, async () => ({})),
    ).toThrow("Route GET /internal/secret reads no credentials, so its access must be public");
  });

  it("lets nobody read the admin surface by spelling its URL differently (the reported attack)", async () => {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    for (const target of [
      "/%61pi/v1/admin/users?limit=100",
      "/a%70i/v1/admin/audit?limit=100",
      "/%61%70%69/v1/admin/reports",
      "http://x/api/v1/admin/users",
      "https://x/%61pi/v1/admin/settings",
    ]) {
      const answer = await rawGet(port, target);
      expect({ target, status: answer.status }).toEqual({ target, status: 401 });
      expect(JSON.parse(answer.body).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("ignores session and token credentials on routes with their own proof (metrics, health)", async () => {
    const response = await app.inject({ url: "/healthz", headers: { authorization: "Bearer stave_pat_nope" } });
    expect(response.statusCode).toBe(200);
  });

  it("answers 401 to an unknown bearer token even on a public route", async () => {
    const response = await app.inject({ url: "/api/v1/instance", headers: { authorization: "Bearer stave_pat_nope" } });
    expect(response.statusCode).toBe(401);
  });
});

/** A GET whose request target goes on the wire exactly as written. */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: target }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}
