import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { type AuditEntry, errorEnvelopeSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
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
let adminUsername: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  const adminUser = await buildUser(testDb.database, { role: "admin" });
  adminId = adminUser.id;
  adminUsername = adminUser.username;
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

/** Inserts audit rows as the actions would have, with chosen values. */
async function seedAudit(
  rows: {
    action: string;
    actorId?: string | null;
    targetType?: string;
    targetId?: string;
    userAgent?: string;
    createdAt?: string;
    metadata?: Record<string, unknown>;
  }[],
) {
  await testDb.database.primary
    .insertInto("audit_log")
    .values(
      rows.map((row) => ({
        actor_id: row.actorId ?? null,
        action: row.action,
        target_type: row.targetType ?? null,
        target_id: row.targetId ?? null,
        user_agent: row.userAgent ?? null,
        metadata: JSON.stringify(row.metadata ?? {}),
        ...(row.createdAt && { created_at: row.createdAt }),
      })),
    )
    .execute();
}

const itemsOf = async (query: string) => (await audit(query)).json().items as AuditEntry[];

describe("audit viewer filters", () => {
  it("names the actor, and finds an actor's entries by username or email", async () => {
    const user = await buildUser(testDb.database);
    await signIn(app, user);
    const byName = await itemsOf(`?actor=${user.username}`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((item) => item.actorId === user.id && item.actorUsername === user.username)).toBe(true);
    expect(await itemsOf(`?actor=${encodeURIComponent(user.email.toUpperCase())}`)).toEqual(byName);
    expect(await itemsOf("?actor=nobody-by-this-name")).toEqual([]);
  });

  it("filters by target, and by exact action or a prefix ending in a dot", async () => {
    const target = randomUUID();
    await seedAudit([
      { action: "viewer_test.one", actorId: adminId, targetType: "track", targetId: target },
      { action: "viewer_test.two", actorId: adminId, targetType: "track", targetId: randomUUID() },
      // The underscore is a character, not a wildcard.
      { action: "viewerxtest.three", actorId: adminId, targetType: "playlist", targetId: target },
    ]);
    expect((await itemsOf(`?targetType=track&targetId=${target}`)).map((item) => item.action)).toEqual([
      "viewer_test.one",
    ]);
    expect((await itemsOf(`?targetId=${target}`)).map((item) => item.action).sort()).toEqual([
      "viewer_test.one",
      "viewerxtest.three",
    ]);
    expect((await itemsOf("?action=viewer_test.")).map((item) => item.action).sort()).toEqual([
      "viewer_test.one",
      "viewer_test.two",
    ]);
    expect((await itemsOf("?action=viewer_test.two")).map((item) => item.action)).toEqual(["viewer_test.two"]);
    expect(await itemsOf("?action=viewer_test")).toEqual([]);
  });

  it("pages through entries written within the same millisecond without losing any", async () => {
    const instants = ["100", "200", "300", "400", "500"].map((us) => `2020-02-02T10:00:00.000${us}Z`);
    await seedAudit(instants.map((createdAt) => ({ action: "viewer_test.burst", createdAt })));
    const seen: string[] = [];
    let cursor = "";
    do {
      const page = (await audit(`?action=viewer_test.burst&limit=2${cursor && `&cursor=${cursor}`}`)).json();
      seen.push(...page.items.map((item: AuditEntry) => item.id));
      cursor = page.nextCursor ?? "";
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

/** RFC 4180, enough for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  return records;
}

const exportCsv = (query: string, headers: Record<string, string> = { cookie: admin.cookie }) =>
  app.inject({ url: `/api/v1/admin/audit.csv${query}`, headers });

describe("GET /api/v1/admin/audit.csv", () => {
  it("downloads the filtered log as CSV, quoted per RFC 4180, with formulas neutralised", async () => {
    const target = randomUUID();
    await seedAudit([
      {
        action: "csv_test.hostile",
        actorId: adminId,
        targetType: "track",
        targetId: target,
        userAgent: '=HYPERLINK("http://evil.example","click"), really\nsecond line',
        metadata: { note: 'say "hi"' },
      },
      { action: "csv_test.plain", actorId: adminId, targetType: "track", targetId: "+41 123", userAgent: "@SUM(A1)" },
      { action: "csv_test.other", userAgent: "-2+3" },
    ]);
    const response = await exportCsv("?action=csv_test.&targetType=track");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([
      "created_at",
      "action",
      "actor_id",
      "actor_username",
      "target_type",
      "target_id",
      "ip",
      "user_agent",
      "metadata",
      "id",
    ]);
    const byAction = new Map(rows.map((row) => [row[1], row]));
    expect([...byAction.keys()].sort()).toEqual(["csv_test.hostile", "csv_test.plain"]);
    const hostile = byAction.get("csv_test.hostile") as string[];
    expect(hostile.slice(2, 6)).toEqual([adminId, adminUsername, "track", target]);
    expect(hostile[7]).toBe(`'=HYPERLINK("http://evil.example","click"), really\nsecond line`);
    expect(JSON.parse(hostile[8] as string)).toEqual({ note: 'say "hi"' });
    expect(response.body).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), really\nsecond line"');
    const plain = byAction.get("csv_test.plain") as string[];
    expect(plain[5]).toBe("'+41 123");
    expect(plain[7]).toBe("'@SUM(A1)");
    expect(plain[6]).toBe("");
  });

  it("streams every page of a large export, newest first, and the export itself is audited", async () => {
    await sql`
      INSERT INTO audit_log (action, target_type, target_id, metadata, created_at)
      SELECT 'csv_test.bulk', 'n', n::text, '{}', now() - make_interval(secs => n)
      FROM generate_series(1, 1234) AS n`.execute(testDb.database.primary);
    const response = await exportCsv("?action=csv_test.bulk");
    const rows = parseCsv(response.body).slice(1);
    expect(rows).toHaveLength(1234);
    expect(rows.map((row) => Number(row[5]))).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));

    const exports = await itemsOf("?action=admin.audit_export");
    expect(exports[0]).toMatchObject({ actorId: adminId, metadata: { filters: { action: "csv_test.bulk" } } });
  });

  it("refuses a filter holding a NUL character with 400 before it starts, and records no export", async () => {
    const response = await exportCsv("?action=csv_test.%00nul");
    expect(response.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(response.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "querystring.action", message: "Contains a NUL character" }],
    });
    const exports = await itemsOf("?action=admin.audit_export");
    expect(exports.every((entry) => !JSON.stringify(entry.metadata).includes("nul"))).toBe(true);
  });

  it("is for admins only", async () => {
    expect((await exportCsv("", {})).statusCode).toBe(401);
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(app, await buildUser(testDb.database, { role }));
      const response = await exportCsv("", { cookie: session.cookie });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain("created_at,action");
    }
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
