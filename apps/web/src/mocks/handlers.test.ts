import {
  acceptedSchema,
  auditPageSchema,
  backupCodesSchema,
  createdTokenSchema,
  csrfResponseSchema,
  errorEnvelopeSchema,
  instanceInfoSchema,
  loginResponseSchema,
  meSchema,
  personalTokenListSchema,
  registerResponseSchema,
  sessionListSchema,
  sessionStartedSchema,
  twoFactorChallengeSchema,
  twoFactorSetupSchema,
  upgradeCreatorResponseSchema,
  verifyEmailResponseSchema,
} from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  accountsHandlers,
  buildAdmin,
  buildCreator,
  buildUnverifiedUser,
  buildVerifiedUser,
  errorResponse,
  MOCK_PASSWORD,
  MOCK_RESET_TOKEN,
  MOCK_TOTP_CODE,
  MOCK_VERIFY_TOKEN,
} from "./handlers.ts";
import { server } from "./server.ts";

const csrf = "mock-csrf-token";

describe("mock handlers", () => {
  it("serve an instance that satisfies the contract", async () => {
    const response = await fetch(new URL("/api/v1/instance", window.location.origin));

    expect(response.status).toBe(200);
    expect(instanceInfoSchema.parse(await response.json())).toEqual({
      name: "Stave",
      version: "0.1.0",
      description: "",
      registrationMode: "open",
      termsText: "",
      privacyText: "",
    });
  });

  it("build error replies as contract envelopes with the code's status", async () => {
    const response = errorResponse("EMAIL_NOT_VERIFIED", "Verify your email first.");

    expect(response.status).toBe(403);
    expect(errorEnvelopeSchema.parse(await response.json())).toEqual({
      error: { code: "EMAIL_NOT_VERIFIED", message: "Verify your email first." },
    });
  });

  it("send Retry-After with a rate-limit error when asked", () => {
    const response = errorResponse("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 30 });

    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
  });
});

describe("mock accounts API: registration and email", () => {
  it("registers a new, unverified user (201) and refuses a taken email or username (409)", async () => {
    const created = await call("POST", "/api/v1/auth/register", {
      body: { email: "lin@example.com", username: "lin", password: "a long passphrase" },
    });
    expect(created.status).toBe(201);
    expect(registerResponseSchema.parse(created.json).user).toMatchObject({ username: "lin", isVerified: false });

    const takenEmail = await call("POST", "/api/v1/auth/register", {
      body: { email: "lin@example.com", username: "lin2", password: "a long passphrase" },
    });
    expectError(takenEmail, 409, "EMAIL_TAKEN");
    const takenName = await call("POST", "/api/v1/auth/register", {
      body: { email: "lin2@example.com", username: "lin", password: "a long passphrase" },
    });
    expectError(takenName, 409, "USERNAME_TAKEN");
  });

  it("answers bad input with VALIDATION_FAILED and [{path, message}] details, and a weak password with 422", async () => {
    const invalid = await call("POST", "/api/v1/auth/register", {
      body: { email: "nope", username: "x", password: "short" },
    });
    expectError(invalid, 400, "VALIDATION_FAILED");
    const details = errorEnvelopeSchema.parse(invalid.json).error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        { path: "body.email", message: expect.any(String) },
        { path: "body.username", message: expect.any(String) },
        { path: "body.password", message: expect.any(String) },
      ]),
    );

    const weak = await call("POST", "/api/v1/auth/register", {
      body: { email: "lin@example.com", username: "lin", password: "password1234" },
    });
    expectError(weak, 422, "WEAK_PASSWORD");
  });

  it("verifies an email once per token, and says 202 to any resend", async () => {
    const verified = await call("POST", "/api/v1/auth/verify-email", { body: { token: MOCK_VERIFY_TOKEN } });
    expect(verifyEmailResponseSchema.parse(verified.json)).toEqual({ verified: true });
    const again = await call("POST", "/api/v1/auth/verify-email", { body: { token: MOCK_VERIFY_TOKEN } });
    expectError(again, 400, "INVALID_TOKEN");

    const resend = await call("POST", "/api/v1/auth/verify-email/resend", { body: { email: "who@example.com" } });
    expect(resend.status).toBe(202);
    acceptedSchema.parse(resend.json);
  });

  it("resets a password with a reset token, then the new password signs in", async () => {
    const forgot = await call("POST", "/api/v1/auth/password/forgot", { body: { email: "ada@example.com" } });
    expect(forgot.status).toBe(202);
    acceptedSchema.parse(forgot.json);

    const reset = await call("POST", "/api/v1/auth/password/reset", {
      body: { token: MOCK_RESET_TOKEN, newPassword: "a new passphrase" },
    });
    expect(reset.status).toBe(204);
    expectError(
      await call("POST", "/api/v1/auth/password/reset", {
        body: { token: "unknown", newPassword: "a new passphrase" },
      }),
      400,
      "INVALID_TOKEN",
    );
    const login = await call("POST", "/api/v1/auth/login", { body: { login: "ada", password: "a new passphrase" } });
    expect(login.status).toBe(200);
  });
});

describe("mock accounts API: signing in and out", () => {
  it("signs in with a session and CSRF token, which /csrf then repeats", async () => {
    expectError(await call("GET", "/api/v1/users/me"), 401, "UNAUTHENTICATED");
    expectError(await call("GET", "/api/v1/auth/csrf"), 401, "UNAUTHENTICATED");

    const login = await call("POST", "/api/v1/auth/login", {
      body: { login: "ada@example.com", password: MOCK_PASSWORD },
    });
    const session = sessionStartedSchema.parse(loginResponseSchema.parse(login.json));
    expect(session.user.username).toBe("ada");

    expect(csrfResponseSchema.parse((await call("GET", "/api/v1/auth/csrf")).json)).toEqual({
      csrfToken: session.csrfToken,
    });
    expect(meSchema.parse((await call("GET", "/api/v1/users/me")).json).username).toBe("ada");

    expectError(await call("POST", "/api/v1/auth/logout"), 403, "CSRF_INVALID");
    expect((await call("POST", "/api/v1/auth/logout", { csrf: session.csrfToken })).status).toBe(204);
    expectError(await call("GET", "/api/v1/users/me"), 401, "UNAUTHENTICATED");
  });

  it("refuses a wrong password with 401 INVALID_CREDENTIALS", async () => {
    expectError(
      await call("POST", "/api/v1/auth/login", { body: { login: "ada", password: "wrong" } }),
      401,
      "INVALID_CREDENTIALS",
    );
  });

  it("asks a two-factor account for a code, and takes only the right one", async () => {
    const login = await call("POST", "/api/v1/auth/login", { body: { login: "grace", password: MOCK_PASSWORD } });
    const { challenge } = twoFactorChallengeSchema.parse(loginResponseSchema.parse(login.json));

    expectError(
      await call("POST", "/api/v1/auth/login/2fa", { body: { challenge, code: "000000" } }),
      401,
      "INVALID_TWO_FACTOR_CODE",
    );
    expectError(
      await call("POST", "/api/v1/auth/login/2fa", { body: { challenge: "unknown", code: MOCK_TOTP_CODE } }),
      400,
      "INVALID_TOKEN",
    );
    const done = await call("POST", "/api/v1/auth/login/2fa", { body: { challenge, code: MOCK_TOTP_CODE } });
    expect(sessionStartedSchema.parse(done.json).user.username).toBe("grace");
  });
});

describe("mock accounts API: /users/me", () => {
  it("updates the profile and answers with the whole user", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    const updated = await call("PATCH", "/api/v1/users/me", { body: { bio: "New bio", location: null }, csrf });
    const me = meSchema.parse(updated.json);
    expect(me.profile).toMatchObject({ bio: "New bio", location: null, displayName: "Ada Lovelace" });
  });

  it("requires the CSRF token on every change from a signed-in browser", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    expectError(await call("PATCH", "/api/v1/users/me", { body: { bio: "x" } }), 403, "CSRF_INVALID");
    expectError(await call("POST", "/api/v1/users/me/upgrade-creator", { csrf: "stale" }), 403, "CSRF_INVALID");
    expectError(await call("POST", "/api/v1/auth/logout"), 403, "CSRF_INVALID");
  });

  it("like the server, takes no CSRF token on the entry points that start a session", async () => {
    server.use(...accountsHandlers({ me: buildUnverifiedUser() }));

    const verified = await call("POST", "/api/v1/auth/verify-email", { body: { token: MOCK_VERIFY_TOKEN } });
    expect(verifyEmailResponseSchema.parse(verified.json)).toEqual({ verified: true });
  });

  it("changes the password (204, other sessions gone) and refuses a wrong current one with 403", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));
    const body = (currentPassword: string) => ({ currentPassword, newPassword: "another passphrase" });

    expectError(
      await call("PUT", "/api/v1/users/me/password", { body: body("wrong"), csrf }),
      403,
      "PASSWORD_INCORRECT",
    );
    expect((await call("PUT", "/api/v1/users/me/password", { body: body(MOCK_PASSWORD), csrf })).status).toBe(204);
    const sessions = sessionListSchema.parse((await call("GET", "/api/v1/users/me/sessions")).json).items;
    expect(sessions.map((session) => session.current)).toEqual([true]);
  });

  it("lists sessions with exactly one current, and revokes another with 204", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    const { items } = sessionListSchema.parse((await call("GET", "/api/v1/users/me/sessions")).json);
    expect(items.filter((session) => session.current)).toHaveLength(1);
    const other = items.find((session) => !session.current);
    expect((await call("DELETE", `/api/v1/users/me/sessions/${other?.id}`, { csrf })).status).toBe(204);
    expect(sessionListSchema.parse((await call("GET", "/api/v1/users/me/sessions")).json).items).toHaveLength(
      items.length - 1,
    );
  });

  it("walks two-factor setup → enable (10 backup codes) → regenerate → disable", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    const setup = twoFactorSetupSchema.parse((await call("POST", "/api/v1/users/me/2fa/setup", { csrf })).json);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\//);
    expectError(
      await call("POST", "/api/v1/users/me/2fa/enable", { body: { code: "000000", password: MOCK_PASSWORD }, csrf }),
      401,
      "INVALID_TWO_FACTOR_CODE",
    );
    expectError(
      await call("POST", "/api/v1/users/me/2fa/enable", { body: { code: MOCK_TOTP_CODE, password: "wrong" }, csrf }),
      403,
      "PASSWORD_INCORRECT",
    );
    const enabled = await call("POST", "/api/v1/users/me/2fa/enable", {
      body: { code: MOCK_TOTP_CODE, password: MOCK_PASSWORD },
      csrf,
    });
    const { backupCodes } = backupCodesSchema.parse(enabled.json);
    expect(new Set(backupCodes).size).toBe(10);
    expect(meSchema.parse((await call("GET", "/api/v1/users/me")).json).twoFactorEnabled).toBe(true);
    // As on the server, turning it on signs out the other sessions (the seeded phone and laptop).
    const sessions = sessionListSchema.parse((await call("GET", "/api/v1/users/me/sessions")).json).items;
    expect(sessions.map((session) => session.current)).toEqual([true]);

    // With two-factor on, the password alone does not replace the codes or mint a token.
    expectError(
      await call("POST", "/api/v1/users/me/2fa/backup-codes", { body: { password: MOCK_PASSWORD }, csrf }),
      403,
      "REAUTH_REQUIRED",
    );
    expectError(
      await call("POST", "/api/v1/users/me/tokens", { body: { name: "ci", password: MOCK_PASSWORD }, csrf }),
      403,
      "REAUTH_REQUIRED",
    );
    const regenerated = await call("POST", "/api/v1/users/me/2fa/backup-codes", {
      body: { code: MOCK_TOTP_CODE },
      csrf,
    });
    const fresh = backupCodesSchema.parse(regenerated.json).backupCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toEqual(backupCodes);

    const disabled = await call("POST", "/api/v1/users/me/2fa/disable", {
      body: { password: MOCK_PASSWORD, code: fresh[0] },
      csrf,
    });
    expect(disabled.status).toBe(204);
    expect(meSchema.parse((await call("GET", "/api/v1/users/me")).json).twoFactorEnabled).toBe(false);
  });

  it("creates scoped, expiring tokens only after a confirmation, and revokes them all on a password change", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    expectError(await call("POST", "/api/v1/users/me/tokens", { body: { name: "ci" }, csrf }), 403, "REAUTH_REQUIRED");
    expectError(
      await call("POST", "/api/v1/users/me/tokens", {
        body: { name: "ci", scopes: ["admin"], password: MOCK_PASSWORD },
        csrf,
      }),
      400,
      "VALIDATION_FAILED",
    );
    const created = await call("POST", "/api/v1/users/me/tokens", {
      body: { name: "ci", scopes: ["read", "write"], expiresInDays: 7, password: MOCK_PASSWORD },
      csrf,
    });
    expect(created.status).toBe(201);
    const token = createdTokenSchema.parse(created.json);
    expect(token).toMatchObject({ scopes: ["read", "write"], expired: false });
    expect(token.token).toMatch(/^stave_pat_/);
    const { items } = personalTokenListSchema.parse((await call("GET", "/api/v1/users/me/tokens")).json);
    expect(items.map((item) => item.id)).toEqual([token.id]);

    // Revoking one is audited, as creating it is.
    const spare = createdTokenSchema.parse(
      (await call("POST", "/api/v1/users/me/tokens", { body: { name: "spare", password: MOCK_PASSWORD }, csrf })).json,
    );
    expect((await call("DELETE", `/api/v1/users/me/tokens/${spare.id}`, { csrf })).status).toBe(204);
    const events = auditPageSchema.parse((await call("GET", "/api/v1/users/me/security-events")).json).items;
    expect(events[0]).toMatchObject({ action: "user.token_revoke", metadata: { tokenId: spare.id } });

    const changed = await call("PUT", "/api/v1/users/me/password", {
      body: { currentPassword: MOCK_PASSWORD, newPassword: "a much longer passphrase" },
      csrf,
    });
    expect(changed.status).toBe(204);
    expect(personalTokenListSchema.parse((await call("GET", "/api/v1/users/me/tokens")).json).items).toEqual([]);
  });

  it("upgrades a verified listener once, then answers already_elevated", async () => {
    server.use(...accountsHandlers({ me: buildVerifiedUser() }));

    const first = upgradeCreatorResponseSchema.parse(
      (await call("POST", "/api/v1/users/me/upgrade-creator", { csrf })).json,
    );
    expect(first).toMatchObject({ role: "creator", already_elevated: false });
    expect(first.promoted_to_creator_at).not.toBeNull();
    const second = upgradeCreatorResponseSchema.parse(
      (await call("POST", "/api/v1/users/me/upgrade-creator", { csrf })).json,
    );
    expect(second).toEqual({ ...first, already_elevated: true });
  });

  it("leaves an admin's role alone on an upgrade", async () => {
    server.use(...accountsHandlers({ me: buildAdmin() }));
    const admin = upgradeCreatorResponseSchema.parse(
      (await call("POST", "/api/v1/users/me/upgrade-creator", { csrf })).json,
    );
    expect(admin).toEqual({ role: "admin", promoted_to_creator_at: null, already_elevated: true });
  });

  it("pages through security events with limit and cursor", async () => {
    server.use(...accountsHandlers({ me: buildCreator() }));

    const first = auditPageSchema.parse((await call("GET", "/api/v1/users/me/security-events?limit=3")).json);
    expect(first.items[1]).toMatchObject({ action: "user.login", metadata: { success: false } });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const rest = auditPageSchema.parse(
      (await call("GET", `/api/v1/users/me/security-events?limit=3&cursor=${first.nextCursor}`)).json,
    );
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });
});
