import { describe, expect, it } from "vitest";
import {
  auditEntries,
  buildUser,
  type SignedIn,
  sessionCookieOf,
  signIn,
  type TestUser,
} from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { createAccessToken, enableTwoFactorFor } from "../../../test/credentials.ts";
import { totpCode } from "../../../test/totp.ts";

const t = useTestApp();

const post = (url: string, session: SignedIn, payload?: object) =>
  t.app.inject({ method: "POST", url, headers: session.headers, ...(payload && { payload }) });
const nextStep = () => Date.now() + 30_000;

/** A user with 2FA on, the secret as an authenticator app holds it, and their backup codes. */
async function userWithTwoFactor(): Promise<{
  user: TestUser;
  session: SignedIn;
  secret: string;
  backupCodes: string[];
}> {
  const user = await buildUser(t.db.database);
  const session = await signIn(t.app, user);
  const setup = (await post("/api/v1/users/me/2fa/setup", session)).json();
  const enabled = await post("/api/v1/users/me/2fa/enable", session, {
    code: totpCode(setup.secret),
    password: user.password,
  });
  expect(enabled.statusCode).toBe(200);
  return { user, session, secret: setup.secret, backupCodes: enabled.json().backupCodes };
}

async function startLogin(user: TestUser) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: user.username, password: user.password },
  });
  expect(response.statusCode).toBe(200);
  expect(response.cookies.find((c) => c.name === "stave_session")).toBeUndefined();
  return response.json() as { twoFactorRequired: true; challenge: string };
}

const finishLogin = (challenge: string, code: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login/2fa",
    payload: { challenge, code },
    remoteAddress: "203.0.113.50",
  });

describe("two-factor setup", () => {
  it("gives a secret, an otpauth URI and a QR code, then turns on with a valid code and returns 10 backup codes", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    const setup = (await post("/api/v1/users/me/2fa/setup", session)).json();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/Stave:${encodeURIComponent(user.email)}\\?secret=${setup.secret}`),
    );
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await post("/api/v1/users/me/2fa/enable", session, { code: "000000", password: user.password });
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe("INVALID_TWO_FACTOR_CODE");

    const enabled = await post("/api/v1/users/me/2fa/enable", session, {
      code: totpCode(setup.secret),
      password: user.password,
    });
    const { backupCodes } = enabled.json();
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    const row = await t.db.database.primary
      .selectFrom("users")
      .selectAll()
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.two_factor_enabled).toBe(true);
    // At rest: the secret encrypted, the backup codes hashed.
    expect(row.two_factor_secret).not.toContain(setup.secret);
    expect(row.backup_codes.some((hash) => backupCodes.includes(hash))).toBe(false);
    expect(
      (await t.app.inject({ url: "/api/v1/users/me", headers: { cookie: session.cookie } })).json().twoFactorEnabled,
    ).toBe(true);
  });

  it("turning it on signs out every other session and revokes every token (this session stays), audited", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    // What an intruder who got in before may hold: a session of their own and a token.
    const intruder = await signIn(t.app, user, "198.51.100.66");
    const { token } = await createAccessToken(t.app, user, intruder);
    const me = (headers: Record<string, string>) => t.app.inject({ url: "/api/v1/users/me", headers });
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);

    await enableTwoFactorFor(t.app, user, session);

    expect((await me({ cookie: intruder.cookie })).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    const [audit] = await auditEntries(t.db.database, "user.2fa_enable", { actorId: user.id });
    expect(audit?.metadata).toMatchObject({ otherSessionsRevoked: 1, accessTokensRevoked: 1 });
  });

  it("refuses to enable without a setup first", async () => {
    const session = await signIn(t.app, await buildUser(t.db.database));
    const response = await post("/api/v1/users/me/2fa/enable", session, { code: "123456", password: "irrelevant" });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("TWO_FACTOR_SETUP_REQUIRED");
  });
});

describe("signing in with two factors", () => {
  it("asks for a code after the password and signs in with a code from an authenticator", async () => {
    const { user, secret } = await userWithTwoFactor();
    const { challenge } = await startLogin(user);
    const wrong = await finishLogin(challenge, "123456");
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe("INVALID_TWO_FACTOR_CODE");
    const right = await finishLogin(challenge, totpCode(secret, nextStep()));
    expect(right.statusCode).toBe(200);
    const me = await t.app.inject({ url: "/api/v1/users/me", headers: { cookie: sessionCookieOf(right) } });
    expect(me.json().username).toBe(user.username);
  });

  it("accepts each code once: a replayed code is refused", async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = totpCode(secret, nextStep());
    const first = await startLogin(user);
    const signedIn = await finishLogin(first.challenge, code);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.username).toBe(user.username);
    const cookie = sessionCookieOf(signedIn);
    expect((await t.app.inject({ url: "/api/v1/users/me", headers: { cookie } })).statusCode).toBe(200);

    const second = await startLogin(user);
    const replay = await finishLogin(second.challenge, code);
    expect(replay.statusCode).toBe(401);
    expect(errorCode(replay)).toBe("INVALID_TWO_FACTOR_CODE");
  });

  it("accepts a backup code once", async () => {
    const { user, backupCodes } = await userWithTwoFactor();
    const code = backupCodes[3] as string;
    const first = await startLogin(user);
    expect((await finishLogin(first.challenge, code.toUpperCase())).statusCode).toBe(200);
    const second = await startLogin(user);
    expect((await finishLogin(second.challenge, code)).statusCode).toBe(401);
    const audit = await t.db.database.primary
      .selectFrom("audit_log")
      .select("metadata")
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.login")
      .orderBy("created_at", "desc")
      .execute();
    expect(audit.map((row) => row.metadata)).toContainEqual({ success: true, method: "password+backup_code" });
  });

  it("refuses an unknown or finished challenge", async () => {
    const { user, secret } = await userWithTwoFactor();
    expect(errorCode(await finishLogin("not-a-challenge", "123456"))).toBe("INVALID_TOKEN");
    const { challenge } = await startLogin(user);
    expect((await finishLogin(challenge, totpCode(secret, nextStep()))).statusCode).toBe(200);
    const reused = await finishLogin(challenge, totpCode(secret, nextStep() + 30_000));
    expect(errorCode(reused)).toBe("INVALID_TOKEN");
  });

  it("limits code attempts with 429", async () => {
    const { user } = await userWithTwoFactor();
    const { challenge } = await startLogin(user);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push((await finishLogin(challenge, `10000${attempt}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("turning two-factor off and replacing backup codes", () => {
  it("needs both the password and a code to turn off", async () => {
    const { user, session, secret } = await userWithTwoFactor();
    const noPassword = await post("/api/v1/users/me/2fa/disable", session, {
      password: "wrong-password",
      code: totpCode(secret, nextStep()),
    });
    expect(errorCode(noPassword)).toBe("PASSWORD_INCORRECT");
    const noCode = await post("/api/v1/users/me/2fa/disable", session, { password: user.password, code: "000000" });
    expect(errorCode(noCode)).toBe("INVALID_TWO_FACTOR_CODE");
    const off = await post("/api/v1/users/me/2fa/disable", session, {
      password: user.password,
      code: totpCode(secret, nextStep()),
    });
    expect(off.statusCode).toBe(204);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: user.username, password: user.password },
    });
    expect(login.json().csrfToken).toEqual(expect.any(String));
    const actions = await t.db.database.primary
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", user.id)
      .execute();
    expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(["user.2fa_enable", "user.2fa_disable"]));
  });

  it("replaces the backup codes: the old ones stop working", async () => {
    const { user, session, secret, backupCodes } = await userWithTwoFactor();
    const regenerated = await post("/api/v1/users/me/2fa/backup-codes", session, {
      code: totpCode(secret, nextStep()),
    });
    const fresh = regenerated.json().backupCodes as string[];
    expect(fresh).toHaveLength(10);
    const { challenge } = await startLogin(user);
    expect((await finishLogin(challenge, backupCodes[0] as string)).statusCode).toBe(401);
    expect((await finishLogin(challenge, fresh[0] as string)).statusCode).toBe(200);
  });
});
