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

  it("answers 401 to an unknown bearer token even on a public route", async () => {
    const response = await app.inject({ url: "/api/v1/instance", headers: { authorization: "Bearer stave_pat_nope" } });
    expect(response.statusCode).toBe(401);
  });
});
