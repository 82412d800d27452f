import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { errorEnvelopeSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { createLogger } from "../../platform/logger.ts";
import { recordAudit } from "./audit.service.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let admin: SignedIn;
let adminId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  const adminUser = await buildUser(testDb.database, { role: "admin" });
  adminId = adminUser.id;
  admin = await signIn(app, adminUser);
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const audit = (query: string, headers: Record<string, string> = { cookie: admin.cookie }) =>
  app.inject({ url: `/api/v1/admin/audit${query}`, headers });

describe("GET /api/v1/admin/audit", () => {
  it("is for admins only", async () => {
    expect((await audit("", {})).statusCode).toBe(401);
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(app, await buildUser(testDb.database, { role }));
      const response = await audit("", { cookie: session.cookie });
      expect(response.statusCode).toBe(403);
      expect(errorEnvelopeSchema.parse(response.json()).error.code).toBe("FORBIDDEN");
    }
  });

  it("filters by actor, action and time, newest first, and pages with a cursor", async () => {
    const user = await buildUser(testDb.database);
    for (let n = 0; n < 3; n++) await signIn(app, user);
    const byActor = (await audit(`?actorId=${user.id}&action=user.login&limit=2`)).json();
    expect(byActor.items).toHaveLength(2);
    expect(
      byActor.items.every(
        (item: { actorId: string; action: string }) => item.actorId === user.id && item.action === "user.login",
      ),
    ).toBe(true);
    expect(byActor.items[0].createdAt >= byActor.items[1].createdAt).toBe(true);
    const rest = (await audit(`?actorId=${user.id}&action=user.login&limit=2&cursor=${byActor.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const ids = [...byActor.items, ...rest.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(`?actorId=${user.id}&from=${encodeURIComponent(future)}`)).json().items).toEqual([]);
  });

  it("answers 400 for a malformed cursor or filter", async () => {
    expect((await audit("?cursor=garbage")).statusCode).toBe(400);
    expect((await audit("?actorId=not-a-uuid")).statusCode).toBe(400);
  });
});

describe("my security events", () => {
  it("lists only my own events", async () => {
    const me = await buildUser(testDb.database);
    const session = await signIn(app, me);
    await app.inject({ method: "PATCH", url: "/api/v1/users/me", headers: session.headers, payload: { bio: "hi" } });
    const events = (
      await app.inject({ url: "/api/v1/users/me/security-events", headers: { cookie: session.cookie } })
    ).json();
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items.every((item: { actorId: string }) => item.actorId === me.id)).toBe(true);
    expect(events.items.some((item: { actorId: string }) => item.actorId === adminId)).toBe(false);
  });
});

describe("recordAudit", () => {
  it("logs a failed write instead of failing the action that already committed", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      "error",
      new Writable({ write: (chunk, _enc, done) => done(void lines.push(chunk.toString())) }),
    );
    // An actor that does not exist breaks the foreign key.
    await expect(
      recordAudit(testDb.database.primary, logger, { actorId: randomUUID(), action: "user.login" }),
    ).resolves.toBeUndefined();
    expect(lines.some((line) => line.includes("audit write failed"))).toBe(true);
  });
});
