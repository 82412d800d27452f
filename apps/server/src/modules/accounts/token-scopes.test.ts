import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { bearer, changePassword, createAccessToken, signedInUser } from "../../../test/credentials.ts";

// What a personal access token may reach, enforced by the access hook from the principal's
// scopes (GET/HEAD need `read`, other methods `write`, admin and moderator routes `admin`).

const t = useTestApp();

async function tokenOf(role: "user" | "admin", scopes: ("read" | "write" | "upload" | "admin")[]) {
  const { user, session } = await signedInUser(t, role);
  return { user, session, ...(await createAccessToken(t.app, user, session, { scopes })) };
}

const patchProfile = (token: string) =>
  t.app.inject({ method: "PATCH", url: "/api/v1/users/me", headers: bearer(token), payload: { location: "Lyon" } });
const adminUsers = (token: string) => t.app.inject({ url: "/api/v1/admin/users?limit=5", headers: bearer(token) });

describe("personal access token scopes", () => {
  it("a read-only token reads but cannot change anything", async () => {
    const { token } = await tokenOf("user", ["read"]);
    expect((await t.app.inject({ url: "/api/v1/users/me", headers: bearer(token) })).statusCode).toBe(200);
    const refused = await patchProfile(token);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).not.toBe("INTERNAL");
    const withWrite = await tokenOf("user", ["read", "write"]);
    expect((await patchProfile(withWrite.token)).statusCode).toBe(200);
  });

  it("an admin's token without the admin scope gets 403 on admin routes; with it, it works", async () => {
    const { token } = await tokenOf("admin", ["read", "write"]);
    expect((await adminUsers(token)).statusCode).toBe(403);
    const admin = await tokenOf("admin", ["read", "admin"]);
    const allowed = await adminUsers(admin.token);
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it("an admin's token without the admin scope has no staff power anywhere: others' private tracks stay hidden", async () => {
    const owner = await buildUser(t.db.database, { role: "creator" });
    const privateTrack = await insertReadyTrack(t.db.database, owner.id, { title: "Diary", visibility: "private" });
    const readOnly = await tokenOf("admin", ["read"]);
    const asReadOnly = await t.app.inject({ url: `/api/v1/tracks/${privateTrack}`, headers: bearer(readOnly.token) });
    expect(asReadOnly.statusCode).toBe(404);
    // The admin themself, signed in, and a token with the admin scope still see it.
    const asSession = await t.app.inject({
      url: `/api/v1/tracks/${privateTrack}`,
      headers: { cookie: readOnly.session.cookie },
    });
    expect(asSession.statusCode).toBe(200);
    const scoped = await tokenOf("admin", ["read", "admin"]);
    expect(
      (await t.app.inject({ url: `/api/v1/tracks/${privateTrack}`, headers: bearer(scoped.token) })).statusCode,
    ).toBe(200);
  });

  it("an expired token gets 401", async () => {
    const { id, token } = await tokenOf("user", ["read", "write"]);
    await t.db.database.primary
      .updateTable("personal_access_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    const refused = await t.app.inject({ url: "/api/v1/users/me", headers: bearer(token) });
    expect(refused.statusCode).toBe(401);
    expect((await patchProfile(token)).statusCode).toBe(401);
  });

  it("a token gets 401 once its owner changes the password", async () => {
    const { user, session, token } = await tokenOf("admin", ["read", "write", "admin"]);
    expect((await adminUsers(token)).statusCode).toBe(200);
    const changed = await changePassword(t.app, session, {
      currentPassword: user.password,
      newPassword: "a-brand-new-passphrase-79",
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await adminUsers(token)).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/v1/users/me", headers: bearer(token) })).statusCode).toBe(401);
  });
});
