import { randomUUID } from "node:crypto";
import type { AdminUserDetail, AdminUserPage } from "@stave/contracts";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  auditEntries,
  buildUser,
  latestMailTo,
  linkToken,
  type SignedIn,
  signIn,
  type TestUser,
} from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { createAccessToken, freshAddress } from "../../../test/credentials.ts";
import { silentLogger } from "../../../test/database.ts";
import { waitFor } from "../../../test/wait.ts";
import { revokeAccessTokensWithScope } from "../accounts/access-tokens.repo.ts";
import { setRoleAsOperator } from "./admin.cli.ts";
import { lockLiveUser, writeRole } from "./admin.users.repo.ts";

const DEFAULT_QUOTA = 5 * 1024 ** 3;
const t = useTestApp({ env: { STORAGE_QUOTA_BYTES: String(DEFAULT_QUOTA) } });

async function signInAdmin(): Promise<{ user: TestUser; session: SignedIn }> {
  const user = await buildUser(t.db.database, { role: "admin" });
  return { user, session: await signIn(t.app, user) };
}

const call = (session: SignedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === "GET" ? { cookie: session.cookie } : session.headers, payload });

const auditRows = (targetId: string, action: string) => auditEntries(t.db.database, action, { targetId });

describe("access", () => {
  it("refuses listeners, creators and moderators on every user-administration route", async () => {
    const target = await buildUser(t.db.database);
    const routes: [method: "GET" | "POST" | "PUT", url: string, payload?: object][] = [
      ["GET", "/api/v1/admin/users"],
      ["GET", `/api/v1/admin/users/${target.id}`],
      ["PUT", `/api/v1/admin/users/${target.id}/role`, { role: "admin", expectedRole: "user" }],
      ["POST", `/api/v1/admin/users/${target.id}/suspend`, { reason: "trying my luck" }],
      ["POST", `/api/v1/admin/users/${target.id}/unsuspend`],
      ["POST", `/api/v1/admin/users/${target.id}/force-password-reset`],
      ["POST", `/api/v1/admin/users/${target.id}/resend-verification`],
      ["PUT", `/api/v1/admin/users/${target.id}/quota`, { storageQuotaBytes: 1 }],
    ];
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      for (const [method, url, payload] of routes) {
        const response = await call(session, method, url, payload);
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(errorCode(response)).toBe("FORBIDDEN");
      }
    }
    const anonymous = await t.app.inject({ url: "/api/v1/admin/users" });
    expect(anonymous.statusCode).toBe(401);
    const row = await t.db.database.primary
      .selectFrom("users")
      .selectAll()
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "user", suspended_at: null, password_reset_required: false });
    expect(row.storage_quota_bytes).toBeNull();
    const audits = await t.db.database.primary
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", target.id)
      .execute();
    expect(audits).toEqual([]);
  });
});

describe("GET /api/v1/admin/users", () => {
  const list = async (session: SignedIn, query: string): Promise<AdminUserPage> => {
    const response = await call(session, "GET", `/api/v1/admin/users?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("finds accounts by part of the email or username, any case, and filters by role and state", async () => {
    const { session } = await signInAdmin();
    const tag = `zq${Math.random().toString(36).slice(2, 7)}`;
    const make = (name: string, options: Parameters<typeof buildUser>[1] = {}) =>
      buildUser(t.db.database, { username: `${tag}_${name}`, ...options });
    const active = await make("active", { role: "creator" });
    const unverified = await make("unverified", { isVerified: false });
    const suspended = await make("suspended");
    const deleted = await make("deleted");
    expect(
      (await call(session, "POST", `/api/v1/admin/users/${suspended.id}/suspend`, { reason: "spam" })).statusCode,
    ).toBe(200);
    const leaving = await signIn(t.app, deleted);
    const gone = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/users/me",
      headers: leaving.headers,
      payload: { password: deleted.password },
    });
    expect(gone.statusCode, gone.body).toBe(204);

    const everyone = await list(session, `q=${tag.toUpperCase()}`);
    // Deleted accounts are anonymised, so only the three others still match by name.
    expect(everyone.items.map((user) => user.id).sort()).toEqual([active.id, unverified.id, suspended.id].sort());
    const byState = Object.fromEntries(everyone.items.map((user) => [user.id, user.state]));
    expect(byState).toEqual({ [active.id]: "active", [unverified.id]: "unverified", [suspended.id]: "suspended" });

    // A part of the middle of the email matches too.
    expect((await list(session, `q=${tag.slice(1)}_UNVER`)).items.map((user) => user.id)).toEqual([unverified.id]);
    expect((await list(session, `q=${tag}_unverified@example`)).items.map((user) => user.id)).toEqual([unverified.id]);
    expect((await list(session, `q=${tag}&role=creator`)).items.map((user) => user.id)).toEqual([active.id]);
    expect((await list(session, `q=${tag}&state=active`)).items.map((user) => user.id)).toEqual([active.id]);
    expect((await list(session, `q=${tag}&state=suspended`)).items.map((user) => user.id)).toEqual([suspended.id]);
    const deletedOnes = await list(session, "state=deleted&limit=100");
    expect(deletedOnes.items.map((user) => user.id)).toContain(deleted.id);
    expect(deletedOnes.items.every((user) => user.state === "deleted")).toBe(true);
    // `%` and `_` are characters to find, not patterns.
    expect((await list(session, "q=%25")).items).toEqual([]);
  });

  it("pages newest first with a cursor, without skipping or repeating anyone", async () => {
    const { session } = await signInAdmin();
    const tag = `pg${Math.random().toString(36).slice(2, 7)}`;
    const made: string[] = [];
    for (let i = 0; i < 7; i += 1) made.push((await buildUser(t.db.database, { username: `${tag}_${i}` })).id);
    // Two accounts made in the same instant still come in a stable order.
    await t.db.database.primary
      .updateTable("users")
      .set({ created_at: new Date("2024-05-01T10:00:00.123456Z") })
      .where("id", "in", made.slice(0, 3))
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AdminUserPage = await list(session, `q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((user) => user.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(made));
    // Newest first: the four made last come before the three moved into the past.
    expect(seen.slice(0, 4)).toEqual(made.slice(3).reverse());

    const bad = await call(session, "GET", "/api/v1/admin/users?cursor=nonsense");
    expect(bad.statusCode).toBe(400);
  });
});

describe("GET /api/v1/admin/users/:id", () => {
  it("shows the profile, tracks, storage, quota, last sign-in and live sessions", async () => {
    const { session } = await signInAdmin();
    const creator = await buildUser(t.db.database, { role: "creator" });
    await t.db.database.primary
      .updateTable("user_profiles")
      .set({ display_name: "Low Tide", bio: "ambient" })
      .where("user_id", "=", creator.id)
      .execute();
    const first = await insertReadyTrack(t.db.database, creator.id, {
      title: "First Light",
      createdAt: new Date("2024-01-01T00:00:00Z"),
    });
    const second = await insertReadyTrack(t.db.database, creator.id, { title: "Second Wind", visibility: "private" });
    await t.db.database.primary.updateTable("tracks").set({ original_size: 4096 }).where("id", "=", second).execute();
    await signIn(t.app, creator, "198.51.100.9");

    const response = await call(session, "GET", `/api/v1/admin/users/${creator.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail: AdminUserDetail = response.json();
    expect(detail).toMatchObject({
      id: creator.id,
      email: creator.email,
      username: creator.username,
      displayName: "Low Tide",
      role: "creator",
      state: "active",
      isVerified: true,
      profile: { displayName: "Low Tide", bio: "ambient" },
      suspendedAt: null,
      suspensionReason: null,
      twoFactorEnabled: false,
      passwordResetRequired: false,
      storageUsedBytes: 1000 + 4096,
      storageQuotaOverrideBytes: null,
      storageQuotaBytes: DEFAULT_QUOTA,
      trackCount: 2,
    });
    expect(detail.lastLoginAt).not.toBeNull();
    expect(detail.tracks).toEqual([
      expect.objectContaining({ id: second, title: "Second Wind", sizeBytes: 4096, visibility: "private" }),
      expect.objectContaining({ id: first, title: "First Light", sizeBytes: 1000, status: "ready", takenDown: false }),
    ]);
    expect(detail.sessions).toEqual([
      expect.objectContaining({ ip: "198.51.100.9", userAgent: "StaveTest/1.0", createdAt: expect.any(String) }),
    ]);

    expect((await call(session, "GET", `/api/v1/admin/users/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(session, "GET", "/api/v1/admin/users/not-a-uuid")).statusCode).toBe(400);
  });
});

describe("PUT /api/v1/admin/users/:id/quota", () => {
  it("stores the user's own quota, clears it with null, and audits both", async () => {
    const { user: admin, session } = await signInAdmin();
    const creator = await buildUser(t.db.database, { role: "creator" });
    const set = await call(session, "PUT", `/api/v1/admin/users/${creator.id}/quota`, { storageQuotaBytes: 2048 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ storageQuotaOverrideBytes: 2048, storageQuotaBytes: 2048 });
    const cleared = await call(session, "PUT", `/api/v1/admin/users/${creator.id}/quota`, { storageQuotaBytes: null });
    expect(cleared.json()).toMatchObject({ storageQuotaOverrideBytes: null, storageQuotaBytes: DEFAULT_QUOTA });
    const audits = await auditRows(creator.id, "admin.quota_change");
    expect(audits.map((row) => [row.actor_id, row.metadata])).toEqual([
      [admin.id, { from: null, to: 2048 }],
      [admin.id, { from: 2048, to: null }],
    ]);
    const negative = await call(session, "PUT", `/api/v1/admin/users/${creator.id}/quota`, { storageQuotaBytes: -1 });
    expect(negative.statusCode).toBe(400);
    const missing = await call(session, "PUT", `/api/v1/admin/users/${randomUUID()}/quota`, { storageQuotaBytes: 1 });
    expect(missing.statusCode).toBe(404);
  });
});

describe("POST /api/v1/admin/users/:id/resend-verification", () => {
  it("mails a fresh verification link that works, and refuses an address already verified", async () => {
    const { user: admin, session } = await signInAdmin();
    const unverified = await buildUser(t.db.database, { isVerified: false });
    const response = await call(session, "POST", `/api/v1/admin/users/${unverified.id}/resend-verification`);
    expect(response.statusCode, response.body).toBe(200);
    const mail = await latestMailTo(t.db.database, unverified.email);
    const token = linkToken(mail?.text_body, "verify-email");
    const verified = await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });
    expect(verified.statusCode).toBe(200);
    const again = await call(session, "POST", `/api/v1/admin/users/${unverified.id}/resend-verification`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe("CONFLICT");
    const audits = await auditRows(unverified.id, "admin.resend_verification");
    expect(audits.map((row) => row.actor_id)).toEqual([admin.id]);
  });
});

describe("PUT /api/v1/admin/users/:id/role", () => {
  const setRole = (session: SignedIn, id: string, role: string, expectedRole: string) =>
    call(session, "PUT", `/api/v1/admin/users/${id}/role`, { role, expectedRole });

  it("changes the role the admin saw, audited with from and to", async () => {
    const { user: admin, session } = await signInAdmin();
    const target = await buildUser(t.db.database);
    const response = await setRole(session, target.id, "moderator", "user");
    expect(response.json()).toEqual({ id: target.id, role: "moderator", previousRole: "user" });
    const audits = await auditRows(target.id, "admin.role_change");
    expect(audits).toEqual([
      expect.objectContaining({ actor_id: admin.id, metadata: { from: "user", to: "moderator" } }),
    ]);
    expect((await setRole(session, randomUUID(), "creator", "user")).statusCode).toBe(404);
  });

  it("a demotion revokes the user's admin-scoped tokens: promoted back, they stay dead; others keep working", async () => {
    const { user: admin, session } = await signInAdmin();
    const carol = await buildUser(t.db.database, { role: "moderator" });
    const carolSession = await signIn(t.app, carol);
    const staffToken = await createAccessToken(t.app, carol, carolSession, { scopes: ["read", "write", "admin"] });
    const plainToken = await createAccessToken(t.app, carol, carolSession, { scopes: ["read", "write"] });
    const reports = (token: string) =>
      t.app.inject({ url: "/api/v1/admin/reports", headers: { authorization: `Bearer ${token}` } });
    const me = (token: string) =>
      t.app.inject({ url: "/api/v1/users/me", headers: { authorization: `Bearer ${token}` } });
    expect((await reports(staffToken.token)).statusCode).toBe(200);

    expect((await setRole(session, carol.id, "user", "moderator")).statusCode).toBe(200);
    expect((await me(staffToken.token)).statusCode).toBe(401);
    expect((await me(plainToken.token)).statusCode).toBe(200);
    const [audit] = await auditRows(carol.id, "admin.role_change");
    expect(audit).toMatchObject({
      actor_id: admin.id,
      metadata: { from: "moderator", to: "user", adminTokensRevoked: 1 },
    });

    // Promoted back, her old staff token does not come back to life.
    expect((await setRole(session, carol.id, "moderator", "user")).statusCode).toBe(200);
    expect((await reports(staffToken.token)).statusCode).toBe(401);
    expect((await me(plainToken.token)).statusCode).toBe(200);
  });

  it("an admin made moderator, and a demotion at the command line, revoke admin-scoped tokens too", async () => {
    const { session } = await signInAdmin();
    const dave = await buildUser(t.db.database, { role: "admin" });
    const daveSession = await signIn(t.app, dave);
    const adminToken = await createAccessToken(t.app, dave, daveSession, { scopes: ["read", "admin"] });
    const adminUsers = () =>
      t.app.inject({ url: "/api/v1/admin/users?limit=1", headers: { authorization: `Bearer ${adminToken.token}` } });
    expect((await adminUsers()).statusCode).toBe(200);
    expect((await setRole(session, dave.id, "moderator", "admin")).statusCode).toBe(200);
    expect((await setRole(session, dave.id, "admin", "moderator")).statusCode).toBe(200);
    expect((await adminUsers()).statusCode).toBe(401);

    const erin = await buildUser(t.db.database, { role: "moderator" });
    const erinSession = await signIn(t.app, erin);
    const erinToken = await createAccessToken(t.app, erin, erinSession, { scopes: ["read", "admin"] });
    await setRoleAsOperator({ database: t.db.database, logger: silentLogger }, { user: erin.email, role: "creator" });
    const me = await t.app.inject({ url: "/api/v1/users/me", headers: { authorization: `Bearer ${erinToken.token}` } });
    expect(me.statusCode).toBe(401);
    const [audit] = await auditRows(erin.id, "admin.role_change");
    expect(audit?.metadata).toEqual({ from: "moderator", to: "creator", adminTokensRevoked: 1, via: "cli" });
  });

  it("an admin-scoped token confirmed just before a demotion is not created after it", async () => {
    const carol = await buildUser(t.db.database, { role: "moderator" });
    const carolSession = await signIn(t.app, carol);
    const waitingForLock = async () => {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db.database.primary);
      return Number(rows[0]?.n ?? 0);
    };
    let settled = false;
    // The demotion, held open after it revoked her admin-scoped tokens: what changeUserRole does.
    const { creating } = await t.db.database.primary.transaction().execute(async (trx) => {
      await lockLiveUser(trx, carol.id);
      await writeRole(trx, carol.id, "user");
      await revokeAccessTokensWithScope(trx, carol.id, "admin");
      // She is still a moderator as far as anything committed says.
      const request = t.app.inject({
        method: "POST",
        url: "/api/v1/users/me/tokens",
        headers: carolSession.headers,
        remoteAddress: freshAddress(),
        payload: { name: "late", password: carol.password, scopes: ["read", "admin"] },
      });
      request.then(() => {
        settled = true;
      });
      await waitFor(async () => (settled || (await waitingForLock()) > 0 ? true : undefined), 15_000, "the creation");
      return { creating: request };
    });
    const response = await creating;
    expect(response.statusCode, response.body).toBe(403);
    expect(errorCode(response)).toBe("FORBIDDEN");
    const live = await t.db.database.primary
      .selectFrom("personal_access_tokens")
      .select("id")
      .where("user_id", "=", carol.id)
      .where("revoked_at", "is", null)
      .execute();
    expect(live).toEqual([]);
  });

  it("refuses an admin's change of their own role, so the last admin cannot demote themselves", async () => {
    const { user: admin, session } = await signInAdmin();
    const response = await setRole(session, admin.id, "user", "admin");
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("CONFLICT");
    const me = await call(session, "GET", `/api/v1/admin/users/${admin.id}`);
    expect(me.json()).toMatchObject({ role: "admin" });
    expect(await auditRows(admin.id, "admin.role_change")).toEqual([]);
  });

  it("never overwrites a self-upgrade that happened after the admin looked", async () => {
    const { session } = await signInAdmin();
    const listener = await buildUser(t.db.database);
    const seen: AdminUserDetail = (await call(session, "GET", `/api/v1/admin/users/${listener.id}`)).json();
    expect(seen.role).toBe("user");

    const own = await signIn(t.app, listener);
    const upgrade = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/me/upgrade-creator",
      headers: own.headers,
    });
    expect(upgrade.statusCode, upgrade.body).toBe(200);

    const stale = await setRole(session, listener.id, "moderator", seen.role);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "ROLE_CHANGED_CONCURRENTLY",
      details: { currentRole: "creator" },
    });
    const after: AdminUserDetail = (await call(session, "GET", `/api/v1/admin/users/${listener.id}`)).json();
    expect(after.role).toBe("creator");
    expect(await auditRows(listener.id, "admin.role_change")).toEqual([]);
  });

  it("serialises with a self-upgrade racing it: whichever goes second sees the first", async () => {
    const { session } = await signInAdmin();
    for (let round = 0; round < 5; round += 1) {
      const listener = await buildUser(t.db.database);
      const own = await signIn(t.app, listener);
      const [admin, upgrade] = await Promise.all([
        setRole(session, listener.id, "moderator", "user"),
        t.app.inject({ method: "POST", url: "/api/v1/users/me/upgrade-creator", headers: own.headers }),
      ]);
      const { role } = await t.db.database.primary
        .selectFrom("users")
        .select("role")
        .where("id", "=", listener.id)
        .executeTakeFirstOrThrow();
      if (admin.statusCode === 200) {
        // The admin went first: the upgrade found a creator-tier role and left it.
        expect(role).toBe("moderator");
        expect(upgrade.json()).toMatchObject({ role: "moderator" });
      } else {
        expect(errorCode(admin)).toBe("ROLE_CHANGED_CONCURRENTLY");
        expect(role).toBe("creator");
        expect(upgrade.json()).toMatchObject({ role: "creator" });
      }
    }
  });
});
