import { randomUUID } from "node:crypto";
import type { AdminUserDetail } from "@stave/contracts";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { auditEntries, buildUser, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";

const t = useTestApp();

async function signInAdmin(): Promise<{ user: TestUser; session: SignedIn }> {
  const user = await buildUser(t.db.database, { role: "admin" });
  return { user, session: await signIn(t.app, user) };
}

const post = (session: SignedIn, url: string, payload?: object) =>
  t.app.inject({ method: "POST", url, headers: session.headers, payload });
const suspend = (session: SignedIn, id: string, reason = "Repeated spam uploads") =>
  post(session, `/api/v1/admin/users/${id}/suspend`, { reason });
const unsuspend = (session: SignedIn, id: string) => post(session, `/api/v1/admin/users/${id}/unsuspend`);

const login = (user: TestUser) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: user.username, password: user.password },
  });

/** What anyone browsing sees: the public list, search, and the creator's page. */
async function publicTrackIds(creator: TestUser, word: string) {
  const latest = await t.app.inject({ url: "/api/v1/tracks?limit=100" });
  const search = await t.app.inject({ url: `/api/v1/search?q=${word}&type=tracks` });
  const page = await t.app.inject({ url: `/api/v1/users/${creator.username}/tracks` });
  const ids = (items: { id: string }[]) => items.map((track) => track.id).sort();
  return {
    latest: ids(latest.json().items),
    search: ids(search.json().tracks.items),
    page: ids(page.json().items),
  };
}

const auditOf = (targetId: string, action: string) => auditEntries(t.db.database, action, { targetId });

describe("suspending an account", () => {
  it("signs them out everywhere, refuses sign-in with the reason and hides their tracks", async () => {
    const { user: admin, session: adminSession } = await signInAdmin();
    const creator = await buildUser(t.db.database, { role: "creator" });
    const word = `marimbaphone${Math.random().toString(36).slice(2, 6)}`;
    const shown = await insertReadyTrack(t.db.database, creator.id, { title: `Quiet ${word}` });
    const secret = await insertReadyTrack(t.db.database, creator.id, {
      title: `Secret ${word}`,
      visibility: "private",
    });
    const cooking = await insertReadyTrack(t.db.database, creator.id, { title: `Raw ${word}`, status: "processing" });
    const session = await signIn(t.app, creator);
    const token = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/users/me/tokens",
        headers: session.headers,
        payload: { name: "my player", password: creator.password },
      })
    ).json().token as string;
    const viaToken = () => t.app.inject({ url: "/api/v1/users/me", headers: { authorization: `Bearer ${token}` } });
    expect((await viaToken()).statusCode).toBe(200);
    const before = await publicTrackIds(creator, word);
    expect(before.search).toEqual([shown]);
    expect(before.latest).toContain(shown);
    expect(before.page).toEqual([shown]);

    const response = await suspend(adminSession, creator.id, "Repeated spam uploads");
    expect(response.statusCode, response.body).toBe(200);
    const detail: AdminUserDetail = response.json();
    expect(detail).toMatchObject({ state: "suspended", suspensionReason: "Repeated spam uploads", sessions: [] });
    expect(detail.suspendedAt).not.toBeNull();

    expect((await t.app.inject({ url: "/api/v1/users/me", headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect((await viaToken()).statusCode).toBe(401);
    const refused = await login(creator);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("ACCOUNT_SUSPENDED");
    expect(refused.json().error.message).toContain("Repeated spam uploads");
    expect(refused.cookies.find((cookie) => cookie.name === "stave_session")).toBeUndefined();

    const after = await publicTrackIds(creator, word);
    expect(after.search).toEqual([]);
    expect(after.latest).not.toContain(shown);
    expect(after.page).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/tracks/${shown}` })).statusCode).toBe(404);
    const statuses = await t.db.database.primary
      .selectFrom("tracks")
      .select(["id", "status"])
      .where("owner_id", "=", creator.id)
      .execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [shown]: "hidden",
      [secret]: "hidden",
      [cooking]: "processing",
    });

    const [audit] = await auditOf(creator.id, "admin.user_suspend");
    expect(audit).toMatchObject({
      actor_id: admin.id,
      metadata: { reason: "Repeated spam uploads", sessionsRevoked: 1, accessTokensRevoked: 1, tracksHidden: 2 },
    });
  });

  it("refuses a session or token that somehow outlived the suspension", async () => {
    const { session: adminSession } = await signInAdmin();
    const listener = await buildUser(t.db.database);
    const session = await signIn(t.app, listener);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/me/tokens",
      headers: session.headers,
      payload: { name: "scripts", password: listener.password },
    });
    expect((await suspend(adminSession, listener.id)).statusCode).toBe(200);
    // As if both had been made in the instant before the suspension committed.
    const db = t.db.database.primary;
    await db.updateTable("sessions").set({ revoked_at: null }).where("user_id", "=", listener.id).execute();
    await db
      .updateTable("personal_access_tokens")
      .set({ revoked_at: null })
      .where("user_id", "=", listener.id)
      .execute();
    const me = (headers: Record<string, string>) => t.app.inject({ url: "/api/v1/users/me", headers });
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${created.json().token}` })).statusCode).toBe(401);
  });

  it("is for someone else: not yourself, not twice; unsuspend only the suspended", async () => {
    const { user: admin, session } = await signInAdmin();
    const self = await suspend(session, admin.id);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toMatch(/your own account/);
    const other = await buildUser(t.db.database);
    expect((await unsuspend(session, other.id)).statusCode).toBe(409);
    expect((await suspend(session, other.id)).statusCode).toBe(200);
    expect((await suspend(session, other.id)).statusCode).toBe(409);
    expect((await suspend(session, randomUUID())).statusCode).toBe(404);
    expect((await post(session, `/api/v1/admin/users/${other.id}/suspend`, { reason: "" })).statusCode).toBe(400);
    expect((await post(session, `/api/v1/admin/users/${other.id}/suspend`, {})).statusCode).toBe(400);
  });
});

describe("lifting a suspension", () => {
  it("lets them sign in and brings their tracks back, but not one a moderator took down", async () => {
    const { user: admin, session: adminSession } = await signInAdmin();
    const creator = await buildUser(t.db.database, { role: "creator" });
    const word = `glockenspiel${Math.random().toString(36).slice(2, 6)}`;
    const kept = await insertReadyTrack(t.db.database, creator.id, { title: `Kept ${word}` });
    const removed = await insertReadyTrack(t.db.database, creator.id, { title: `Removed ${word}` });
    expect((await suspend(adminSession, creator.id, "Under review")).statusCode).toBe(200);
    // Meanwhile a moderator takes one of the (already hidden) tracks down.
    await t.db.database.primary
      .updateTable("tracks")
      .set({ taken_down_at: sql<Date>`now()`, takedown_reason: "Copyright claim", takedown_kind: "copyright" })
      .where("id", "=", removed)
      .execute();

    const response = await unsuspend(adminSession, creator.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ state: "active", suspendedAt: null, suspensionReason: null });
    expect((await login(creator)).statusCode).toBe(200);
    const visible = await publicTrackIds(creator, word);
    expect(visible.search).toEqual([kept]);
    expect(visible.page).toEqual([kept]);
    expect(visible.latest).toContain(kept);
    expect(visible.latest).not.toContain(removed);
    const [audit] = await auditOf(creator.id, "admin.user_unsuspend");
    expect(audit).toMatchObject({ actor_id: admin.id, metadata: { reason: "Under review", tracksRestored: 1 } });
  });
});
