import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/accounts.ts";
import { buildTestApp, errorCode } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { Secrets } from "../../platform/crypto.ts";
import { RateLimiter } from "../../platform/http/rate-limit.ts";
import { InstanceSettings } from "../instance/instance.service.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { upgradeToCreator } from "./me.service.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let ctx: AccountsContext;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  // A route only the creator tier may use, as uploads will be.
  app.post("/api/v1/test/creator-only", { config: { access: "creator" } }, async () => ({ ok: true }));
  ctx = {
    database: testDb.database,
    secrets: new Secrets("test-secret-key-that-is-long-enough-000"),
    limiter: new RateLimiter(testDb.database.primary),
    logger: silentLogger,
    publicUrl: "http://localhost:3000",
    siteName: "Stave",
    settings: new InstanceSettings({
      database: testDb.database,
      logger: silentLogger,
      fallbacks: { siteName: "Stave", uploadMaxBytes: 1024 ** 3, storageQuotaBytes: 10 * 1024 ** 3 },
    }),
  };
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const userRow = (id: string) =>
  testDb.database.primary.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const meta = { ip: "198.51.100.20", userAgent: "StaveTest/1.0" };

async function upgrade(user: Awaited<ReturnType<typeof buildUser>>) {
  const session = await signIn(app, user);
  return app.inject({
    method: "POST",
    url: "/api/v1/users/me/upgrade-creator",
    headers: { ...session.headers, "user-agent": "StaveTest/1.0" },
    remoteAddress: "203.0.113.7",
  });
}

describe("POST /api/v1/users/me/upgrade-creator (self-service creator upgrade)", () => {
  it("promotes a verified listener to creator with a timestamp, and audits the transition", async () => {
    const user = await buildUser(testDb.database);
    const response = await upgrade(user);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ role: "creator", promoted_to_creator_at: expect.any(String), already_elevated: false });
    const row = await userRow(user.id);
    expect(row.role).toBe("creator");
    expect(row.promoted_to_creator_at?.toISOString()).toBe(body.promoted_to_creator_at);
    const audit = await testDb.database.primary
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.upgrade_creator")
      .where("actor_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      ip: "203.0.113.7",
      user_agent: "StaveTest/1.0",
      metadata: { from: "user", to: "creator" },
    });
  });

  it("refuses an unverified email with 403 EMAIL_NOT_VERIFIED", async () => {
    const user = await buildUser(testDb.database, { isVerified: false });
    const response = await upgrade(user);
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("EMAIL_NOT_VERIFIED");
    expect((await userRow(user.id)).role).toBe("user");
  });

  it("is idempotent for a creator: already_elevated, timestamp preserved", async () => {
    const user = await buildUser(testDb.database);
    const first = (await upgrade(user)).json();
    const second = await upgrade(user);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({
      role: "creator",
      promoted_to_creator_at: first.promoted_to_creator_at,
      already_elevated: true,
    });
  });

  it.each(["admin", "moderator", "premium", "artist", "producer", "label"] as const)(
    "is idempotent for an assigned %s role and never sets the timestamp",
    async (role) => {
      const user = await buildUser(testDb.database, { role });
      const response = await upgrade(user);
      expect(response.json()).toEqual({ role, promoted_to_creator_at: null, already_elevated: true });
      expect(await userRow(user.id)).toMatchObject({ role, promoted_to_creator_at: null });
    },
  );

  it("answers 404 when the user row is missing", async () => {
    await expect(upgradeToCreator(ctx, randomUUID(), meta)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("answers 401 without a signed-in user", async () => {
    const response = await app.inject({ method: "POST", url: "/api/v1/users/me/upgrade-creator" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });

  it("refuses without the CSRF token", async () => {
    const session = await signIn(app, await buildUser(testDb.database));
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/users/me/upgrade-creator",
      headers: { cookie: session.cookie },
    });
    expect(errorCode(response)).toBe("CSRF_INVALID");
  });

  it("lets an admin's concurrent role assignment win over the self-upgrade", async () => {
    const user = await buildUser(testDb.database);
    const adminConnection = await testDb.database.pool.connect();
    try {
      await adminConnection.query("BEGIN");
      await adminConnection.query("UPDATE users SET role = 'moderator' WHERE id = $1", [user.id]);
      // The upgrade reads role 'user', then its scoped UPDATE waits on the admin's row lock.
      const pending = upgradeToCreator(ctx, user.id, meta);
      await waitForLockWaiter();
      await adminConnection.query("COMMIT");
      expect(await pending).toEqual({ role: "moderator", promoted_to_creator_at: null, already_elevated: true });
    } finally {
      adminConnection.release();
    }
    expect(await userRow(user.id)).toMatchObject({ role: "moderator", promoted_to_creator_at: null });
  });
});

async function waitForLockWaiter() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await sql<{ waiting: number }>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(testDb.database.primary);
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the upgrade never waited on the admin's lock");
}

describe("the creator-tier guard", () => {
  it("refuses a plain user with 403 CREATOR_ROLE_REQUIRED and lets a creator through", async () => {
    const listener = await signIn(app, await buildUser(testDb.database));
    const refused = await app.inject({ method: "POST", url: "/api/v1/test/creator-only", headers: listener.headers });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("CREATOR_ROLE_REQUIRED");
    const creator = await signIn(app, await buildUser(testDb.database, { role: "label" }));
    expect(
      (await app.inject({ method: "POST", url: "/api/v1/test/creator-only", headers: creator.headers })).statusCode,
    ).toBe(200);
  });
});
