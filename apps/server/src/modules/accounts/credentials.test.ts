import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildUser, latestMailTo, linkToken, type SignedIn, sessionCookieOf, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import {
  bearer,
  changePassword,
  createAccessToken,
  enableTwoFactorFor,
  freshAddress,
  signedInUser,
} from "../../../test/credentials.ts";
import { totpCode } from "../../../test/totp.ts";
import { waitFor } from "../../../test/wait.ts";
import { revokeAllAccessTokens } from "./access-tokens.repo.ts";
import { lockCredentials, setPasswordHash } from "./accounts.repo.ts";

// Credential hardening: every credential dies together, sensitive changes ask for the password or a
// fresh 2FA code (rate limited like sign-in), and tokens carry scopes and an optional expiry.

const t = useTestApp();

const nextStep = () => Date.now() + 30_000;
const me = (headers: Record<string, string>) => t.app.inject({ url: "/api/v1/users/me", headers });

function post(session: SignedIn, url: string, payload: object, remoteAddress = freshAddress()) {
  return t.app.inject({ method: "POST", url, headers: session.headers, payload, remoteAddress });
}

/** A second sign-in of an account with two-factor on: password, then `code`. */
async function signInWithCode(user: { username: string; password: string }, code: string, remoteAddress: string) {
  const started = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: user.username, password: user.password },
    remoteAddress,
  });
  const finished = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login/2fa",
    payload: { challenge: started.json().challenge, code },
    remoteAddress,
  });
  expect(finished.statusCode, finished.body).toBe(200);
  return { cookie: sessionCookieOf(finished) };
}

const tokenRow = (id: string) =>
  t.db.database.primary.selectFrom("personal_access_tokens").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("every credential dies together", () => {
  it("a password change revokes every token and the other sessions, and keeps this one", async () => {
    const { user, session } = await signedInUser(t);
    const phone = await signIn(t.app, user, "203.0.113.90");
    const { token } = await createAccessToken(t.app, user, session);
    expect((await me(bearer(token))).statusCode).toBe(200);

    const changed = await changePassword(t.app, session, {
      currentPassword: user.password,
      newPassword: "a-brand-new-passphrase-77",
    });
    expect(changed.statusCode, changed.body).toBe(204);

    const afterwards = await me(bearer(token));
    expect(afterwards.statusCode).toBe(401);
    expect(errorCode(afterwards)).toBe("UNAUTHENTICATED");
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    const listed = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([]);
  });

  it("a password reset from the mailed link revokes every token", async () => {
    const { user, session } = await signedInUser(t);
    const { token } = await createAccessToken(t.app, user, session);
    const forgot = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email: user.email },
      remoteAddress: freshAddress(),
    });
    expect(forgot.statusCode).toBe(202);
    const resetToken = linkToken((await latestMailTo(t.db.database, user.email))?.text_body, "reset-password");
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token: resetToken, newPassword: "another-fresh-passphrase-31" },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await me(bearer(token))).statusCode).toBe(401);
  });

  it("a password reset forced by an admin revokes every token", async () => {
    const { session: adminSession } = await signedInUser(t, "admin");
    const { user, session } = await signedInUser(t);
    const { token } = await createAccessToken(t.app, user, session);
    const forced = await t.app.inject({
      method: "POST",
      url: `/api/v1/admin/users/${user.id}/force-password-reset`,
      headers: adminSession.headers,
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect((await me(bearer(token))).statusCode).toBe(401);
  });

  it("turning two-factor off revokes every token and the other sessions, and keeps this one", async () => {
    const { user, session } = await signedInUser(t);
    const { secret, backupCodes } = await enableTwoFactorFor(t.app, user, session);
    // Signed in after two-factor went on (turning it on signs the others out), with a backup code.
    const phone = await signInWithCode(user, backupCodes[1] as string, "203.0.113.91");
    const { token } = await createAccessToken(t.app, user, session, { code: backupCodes[0] });
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(200);

    const off = await post(session, "/api/v1/users/me/2fa/disable", {
      password: user.password,
      code: totpCode(secret, nextStep()),
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    const [audit] = await t.db.database.primary
      .selectFrom("audit_log")
      .select("metadata")
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.2fa_disable")
      .execute();
    expect(audit?.metadata).toMatchObject({ accessTokensRevoked: 1, otherSessionsRevoked: 1 });
  });
});

describe("sensitive changes ask for the password or a fresh 2FA code", () => {
  it("creating a token: refused without a confirmation or with a wrong password", async () => {
    const { user, session } = await signedInUser(t);
    const missing = await post(session, "/api/v1/users/me/tokens", { name: "ci" });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe("REAUTH_REQUIRED");
    const wrong = await post(session, "/api/v1/users/me/tokens", { name: "ci", password: "not-my-password" });
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("PASSWORD_INCORRECT");
    const codeWithout2fa = await post(session, "/api/v1/users/me/tokens", { name: "ci", code: "123456" });
    expect(errorCode(codeWithout2fa)).toBe("INVALID_TWO_FACTOR_CODE");
    const none = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(none.json().items).toEqual([]);

    const made = await post(session, "/api/v1/users/me/tokens", { name: "ci", password: user.password });
    expect(made.statusCode, made.body).toBe(201);
    const [audit] = await t.db.database.primary
      .selectFrom("audit_log")
      .select("metadata")
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.token_create")
      .execute();
    expect(audit?.metadata).toMatchObject({ tokenId: made.json().id, scopes: ["read"] });
    expect(JSON.stringify(audit?.metadata)).not.toContain(made.json().token);
  });

  it("creating a token with 2FA on: a TOTP code or a backup code is enough, a wrong code is refused", async () => {
    const { user, session } = await signedInUser(t);
    const { secret, backupCodes } = await enableTwoFactorFor(t.app, user, session);
    // A stolen session and a leaked password are not enough: the second factor is asked.
    const passwordOnly = await post(session, "/api/v1/users/me/tokens", { name: "ci", password: user.password });
    expect(passwordOnly.statusCode).toBe(403);
    expect(errorCode(passwordOnly)).toBe("REAUTH_REQUIRED");
    expect(passwordOnly.json().error.message).toMatch(/code/);
    const none = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(none.json().items).toEqual([]);
    // A password given with the code is checked too.
    const wrongPassword = await post(session, "/api/v1/users/me/tokens", {
      name: "ci",
      password: "not-my-password",
      code: backupCodes[1],
    });
    expect(errorCode(wrongPassword)).toBe("PASSWORD_INCORRECT");
    const wrong = await post(session, "/api/v1/users/me/tokens", { name: "ci", code: "000000" });
    expect(errorCode(wrong)).toBe("INVALID_TWO_FACTOR_CODE");
    const byTotp = await post(session, "/api/v1/users/me/tokens", { name: "ci", code: totpCode(secret, nextStep()) });
    expect(byTotp.statusCode, byTotp.body).toBe(201);
    const byBackup = await post(session, "/api/v1/users/me/tokens", { name: "ci 2", code: backupCodes[0] });
    expect(byBackup.statusCode, byBackup.body).toBe(201);
    // A backup code is spent once used.
    const again = await post(session, "/api/v1/users/me/tokens", { name: "ci 3", code: backupCodes[0] });
    expect(errorCode(again)).toBe("INVALID_TWO_FACTOR_CODE");
  });

  it("an account whose email is not verified cannot create a token (403 EMAIL_NOT_VERIFIED)", async () => {
    const user = await buildUser(t.db.database, { isVerified: false });
    const session = await signIn(t.app, user);
    const refused = await post(session, "/api/v1/users/me/tokens", { name: "ci", password: user.password });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("EMAIL_NOT_VERIFIED");
    const listed = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([]);
    // Once the address is verified, the same request works.
    await t.db.database.primary.updateTable("users").set({ is_verified: true }).where("id", "=", user.id).execute();
    const made = await post(session, "/api/v1/users/me/tokens", { name: "ci", password: user.password });
    expect(made.statusCode, made.body).toBe(201);
  });

  it("a token cannot mint another token", async () => {
    const { user, session } = await signedInUser(t);
    const { token } = await createAccessToken(t.app, user, session, { scopes: ["read", "write"] });
    const minted = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/me/tokens",
      headers: bearer(token),
      payload: { name: "wider", scopes: ["read", "write", "upload"], password: user.password },
    });
    expect(minted.statusCode).toBe(403);
  });

  it("enabling 2FA needs the current password", async () => {
    const { user, session } = await signedInUser(t);
    const setup = await post(session, "/api/v1/users/me/2fa/setup", {});
    const secret = setup.json().secret as string;
    const withoutPassword = await post(session, "/api/v1/users/me/2fa/enable", { code: totpCode(secret) });
    expect(withoutPassword.statusCode).toBe(400);
    const wrongPassword = await post(session, "/api/v1/users/me/2fa/enable", {
      code: totpCode(secret),
      password: "not-my-password",
    });
    expect(wrongPassword.statusCode).toBe(403);
    expect(errorCode(wrongPassword)).toBe("PASSWORD_INCORRECT");
    expect((await me({ cookie: session.cookie })).json().twoFactorEnabled).toBe(false);
    const right = await post(session, "/api/v1/users/me/2fa/enable", {
      code: totpCode(secret),
      password: user.password,
    });
    expect(right.statusCode, right.body).toBe(200);
  });

  it("regenerating backup codes needs a second-factor code: the password alone is refused", async () => {
    const { user, session } = await signedInUser(t);
    const { secret, backupCodes } = await enableTwoFactorFor(t.app, user, session);
    const missing = await post(session, "/api/v1/users/me/2fa/backup-codes", {});
    expect(errorCode(missing)).toBe("REAUTH_REQUIRED");
    // A stolen session and a leaked password must not replace the owner's codes.
    const byPassword = await post(session, "/api/v1/users/me/2fa/backup-codes", { password: user.password });
    expect(byPassword.statusCode).toBe(403);
    expect(errorCode(byPassword)).toBe("REAUTH_REQUIRED");
    const wrong = await post(session, "/api/v1/users/me/2fa/backup-codes", {
      password: "not-my-password",
      code: totpCode(secret, nextStep()),
    });
    expect(errorCode(wrong)).toBe("PASSWORD_INCORRECT");
    const byCode = await post(session, "/api/v1/users/me/2fa/backup-codes", { code: backupCodes[0] });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json().backupCodes).toHaveLength(10);
    // The owner's old codes were still good until then, and are gone now.
    const oldCode = await post(session, "/api/v1/users/me/2fa/backup-codes", { code: backupCodes[1] });
    expect(errorCode(oldCode)).toBe("INVALID_TWO_FACTOR_CODE");
  });
});

describe("confirmations are rate limited like sign-in", () => {
  // With two-factor on a code is required, so each guess carries one; the password is checked first.
  const wrongPasswordAttempts = async (session: SignedIn, count: number) => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < count; attempt++) {
      const url = attempt % 2 ? "/api/v1/users/me/tokens" : "/api/v1/users/me/2fa/backup-codes";
      const payload = { name: "x", password: `wrong-guess-${attempt}`, code: "000000" };
      statuses.push((await post(session, url, payload)).statusCode);
    }
    return statuses;
  };

  it("answers 429 with Retry-After after 10 wrong confirmations, even to the right password", async () => {
    const { user, session } = await signedInUser(t);
    const { secret } = await enableTwoFactorFor(t.app, user, session);
    const statuses = await wrongPasswordAttempts(session, 10);
    expect(statuses.every((status) => status === 403)).toBe(true);
    const limited = await post(session, "/api/v1/users/me/tokens", {
      name: "ci",
      password: user.password,
      code: totpCode(secret, nextStep()),
    });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // The current password of a password change is a confirmation too.
    const change = await changePassword(t.app, session, {
      currentPassword: user.password,
      newPassword: "a-brand-new-passphrase-78",
    });
    expect(change.statusCode).toBe(429);
    // Another account is not affected.
    const other = await signedInUser(t);
    expect((await createAccessToken(t.app, other.user, other.session)).token).toMatch(/^stave_pat_/);
  });

  it("limits wrong TOTP codes too", async () => {
    const { user, session } = await signedInUser(t);
    await enableTwoFactorFor(t.app, user, session);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push(
        (await post(session, "/api/v1/users/me/tokens", { name: "x", code: `90000${attempt % 10}` })).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("limits confirmations per client address across accounts", async () => {
    const address = "192.0.2.222";
    const statuses: number[] = [];
    for (let account = 0; account < 4; account++) {
      const { session } = await signedInUser(t);
      for (let attempt = 0; attempt < 8; attempt++) {
        const response = await post(session, "/api/v1/users/me/tokens", { name: "x", password: "guess" }, address);
        statuses.push(response.statusCode);
      }
    }
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("limits confirmations per IPv6 /64, whichever address in it each one comes from", async () => {
    const statuses: number[] = [];
    for (let account = 0; account < 4; account++) {
      // Signed in from elsewhere: the shared sign-in address of this file has its own limit.
      const session = await signIn(t.app, await buildUser(t.db.database), freshAddress());
      for (let attempt = 0; attempt < 8; attempt++) {
        const address = `2001:db8:13:c::${account}:${attempt + 1}`;
        const response = await post(session, "/api/v1/users/me/tokens", { name: "x", password: "guess" }, address);
        statuses.push(response.statusCode);
      }
    }
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("a right confirmation forgets the earlier failures", async () => {
    const { user, session } = await signedInUser(t);
    for (let attempt = 0; attempt < 9; attempt++) {
      await post(session, "/api/v1/users/me/tokens", { name: "x", password: "guess" });
    }
    await createAccessToken(t.app, user, session);
    for (let attempt = 0; attempt < 9; attempt++) {
      const response = await post(session, "/api/v1/users/me/tokens", { name: "x", password: "guess" });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe("token scopes and expiry", () => {
  it("defaults to read, lists scopes and expiry, and never shows the token again", async () => {
    const { user, session } = await signedInUser(t);
    const plain = await createAccessToken(t.app, user, session, { name: "reader" });
    const scoped = await createAccessToken(t.app, user, session, {
      name: "uploader",
      // Any order in, the contract's order out.
      scopes: ["upload", "read", "write"],
      expiresInDays: 30,
    });
    expect(plain).toMatchObject({ scopes: ["read"], expiresAt: null, expired: false });
    const expiresAt = Date.parse((scoped as unknown as { expiresAt: string }).expiresAt);
    expect(Math.abs(expiresAt - (Date.now() + 30 * 24 * 3600 * 1000))).toBeLessThan(60_000);
    const listed = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ name: "uploader", scopes: ["read", "write", "upload"], expired: false }),
      expect.objectContaining({ name: "reader", scopes: ["read"], expiresAt: null }),
    ]);
    expect(listed.body).not.toContain(plain.token);
    expect((await tokenRow(scoped.id)).scopes).toEqual(["read", "write", "upload"]);
  });

  it("refuses unknown or repeated scopes and lifetimes out of range", async () => {
    const { user, session } = await signedInUser(t);
    for (const payload of [
      { scopes: ["delete"] },
      { scopes: ["read", "read"] },
      { scopes: [] },
      { expiresInDays: 0 },
      { expiresInDays: 1.5 },
    ]) {
      const response = await post(session, "/api/v1/users/me/tokens", {
        name: "x",
        password: user.password,
        ...payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it("grants the admin scope only to administrators and moderators", async () => {
    const listener = await signedInUser(t);
    const refused = await post(listener.session, "/api/v1/users/me/tokens", {
      name: "root",
      scopes: ["read", "admin"],
      password: listener.user.password,
    });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    for (const role of ["admin", "moderator"] as const) {
      const staff = await signedInUser(t, role);
      const made = await createAccessToken(t.app, staff.user, staff.session, { scopes: ["read", "admin"] });
      expect((await tokenRow(made.id)).scopes).toEqual(["read", "admin"]);
    }
  });

  it("refuses the admin scope without read, which every admin route needs", async () => {
    const { user, session } = await signedInUser(t, "admin");
    const refused = await post(session, "/api/v1/users/me/tokens", {
      name: "root",
      scopes: ["admin"],
      password: user.password,
    });
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe("VALIDATION_FAILED");
    expect(refused.body).toContain("The admin scope needs the read scope too");
    const listed = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([]);
  });

  it("records a revocation in the audit log, as it does a creation", async () => {
    const { user, session } = await signedInUser(t);
    const { id, token } = await createAccessToken(t.app, user, session);
    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/me/tokens/${id}`,
      headers: session.headers,
      remoteAddress: "203.0.113.44",
    });
    expect(revoked.statusCode).toBe(204);
    expect((await me(bearer(token))).statusCode).toBe(401);
    const entries = await t.db.database.primary
      .selectFrom("audit_log")
      .select(["metadata", "ip"])
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.token_revoke")
      .execute();
    expect(entries).toEqual([{ metadata: { tokenId: id }, ip: "203.0.113.44" }]);
    // Revoking it again finds nothing, and logs nothing.
    const again = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/me/tokens/${id}`,
      headers: session.headers,
    });
    expect(again.statusCode).toBe(404);
    const count = await t.db.database.primary
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.token_revoke")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses an expired token like a revoked one, and lists it as expired", async () => {
    const { user, session } = await signedInUser(t);
    const { id, token } = await createAccessToken(t.app, user, session, { expiresInDays: 1 });
    expect((await me(bearer(token))).statusCode).toBe(200);
    await t.db.database.primary
      .updateTable("personal_access_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    const refused = await me(bearer(token));
    expect(refused.statusCode).toBe(401);
    expect(errorCode(refused)).toBe("UNAUTHENTICATED");
    const listed = await t.app.inject({ url: "/api/v1/users/me/tokens", headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([expect.objectContaining({ id, expired: true })]);
  });
});

describe("a token confirmed just before a password change", () => {
  const waitingForLock = async () => {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db.database.primary);
    return Number(rows[0]?.n ?? 0);
  };

  it("does not outlive the change: it waits for it, then is refused", async () => {
    const { user, session } = await signedInUser(t);
    let settled = false;
    // The password change, held open after it revoked every token: what changePassword does.
    const { creating } = await t.db.database.primary.transaction().execute(async (trx) => {
      await lockCredentials(trx, user.id);
      await setPasswordHash(trx, user.id, "not-a-real-hash");
      await revokeAllAccessTokens(trx, user.id);
      // Confirmed with the password still current (the change is not committed yet).
      const request = post(session, "/api/v1/users/me/tokens", { name: "late", password: user.password });
      request.then(() => {
        settled = true;
      });
      // Commit only once the creation either finished (the race lost) or waits on the row.
      await waitFor(async () => (settled || (await waitingForLock()) > 0 ? true : undefined), 15_000, "the creation");
      // Wrapped: returning the promise itself would await it inside the transaction.
      return { creating: request };
    });
    const response = await creating;
    expect(response.statusCode, response.body).toBe(409);
    const tokens = await t.db.database.primary
      .selectFrom("personal_access_tokens")
      .select("id")
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .execute();
    expect(tokens).toEqual([]);
  });
});
