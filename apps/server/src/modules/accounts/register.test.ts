import { errorEnvelopeSchema, meSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { buildUser, latestMailTo, linkToken } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";

// An https PUBLIC_URL is production, which also asks for SMTP and a metrics token (no worker
// runs here: mails stay queued in the database, where the tests read them).
const t = useTestApp({
  env: {
    PUBLIC_URL: "https://music.example.org",
    SMTP_URL: "smtp://127.0.0.1:9",
    METRICS_TOKEN: "register-test-metrics-token",
  },
});
let ipCounter = 0;
// Each test signs up from its own address so the per-IP limit only bites where tested.
const freshIp = () => `198.51.100.${++ipCounter}`;

const register = (payload: Record<string, unknown>, ip = freshIp()) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/register", payload, remoteAddress: ip });

describe("registration", () => {
  it("creates an unverified listener and mails a single-use verification link", async () => {
    const response = await register({ email: "Ada@Example.com", username: "ada", password: "tuning-fork-harmony-7" });
    expect(response.statusCode).toBe(201);
    const { user } = response.json();
    expect(meSchema.parse(user)).toMatchObject({
      email: "ada@example.com",
      username: "ada",
      role: "user",
      isVerified: false,
    });

    const mail = await latestMailTo(t.db.database, "ada@example.com");
    expect(mail?.subject).toContain("Verify your email");
    expect(mail?.text_body).toContain("https://music.example.org/verify-email#token=");
    const token = linkToken(mail?.text_body, "verify-email");

    const verified = await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });
    expect(verified.statusCode).toBe(200);
    const row = await t.db.database.primary
      .selectFrom("users")
      .selectAll()
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.is_verified).toBe(true);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const again = await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe("INVALID_TOKEN");

    const actions = await t.db.database.primary
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", user.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["user.register", "user.verify_email"]);
  });

  it("refuses an unknown verification token", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/verify-email",
      payload: { token: "made-up" },
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("INVALID_TOKEN");
  });

  it.each([
    [{ email: "not-an-email", username: "valid_name", password: "tuning-fork-harmony-7" }, "body.email"],
    [{ email: "b@example.com", username: "No Spaces!", password: "tuning-fork-harmony-7" }, "body.username"],
    [{ email: "b@example.com", username: "ab", password: "tuning-fork-harmony-7" }, "body.username"],
    [{ email: "b@example.com", username: "valid_name", password: "short" }, "body.password"],
  ])("answers 400 naming the invalid field for %j", async (payload, path) => {
    const response = await register(payload);
    expect(response.statusCode).toBe(400);
    const body = errorEnvelopeSchema.parse(response.json());
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it.each(["password123", "1234567890", "qwertyuiop"])("refuses the common password %s with 422", async (password) => {
    const response = await register({ email: `c${password}@example.com`, username: `c${password}`, password });
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe("WEAK_PASSWORD");
  });

  it("refuses a password containing the username", async () => {
    const response = await register({
      email: "grace@example.com",
      username: "gracehopper",
      password: "gracehopper-rules",
    });
    expect(response.statusCode).toBe(422);
  });

  it("answers 409 for a taken email (any case) or username", async () => {
    const existing = await buildUser(t.db.database);
    const sameEmail = await register({
      email: existing.email.toUpperCase(),
      username: "someone_new",
      password: "tuning-fork-harmony-7",
    });
    expect(sameEmail.statusCode).toBe(409);
    expect(errorCode(sameEmail)).toBe("EMAIL_TAKEN");
    const sameName = await register({
      email: "other@example.com",
      username: existing.username,
      password: "tuning-fork-harmony-7",
    });
    expect(sameName.statusCode).toBe(409);
    expect(errorCode(sameName)).toBe("USERNAME_TAKEN");
  });

  it("limits sign-ups per address with 429 and Retry-After", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await register(
        { email: `flood${attempt}@example.com`, username: `flood${attempt}`, password: "password123" },
        ip,
      );
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
        expect(errorCode(response)).toBe("RATE_LIMITED");
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("resending the verification mail", () => {
  const resend = (email: string, ip = freshIp()) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email/resend", payload: { email }, remoteAddress: ip });

  it("answers the same for unknown, verified and unverified addresses, mailing only the last", async () => {
    const verified = await buildUser(t.db.database);
    const unverified = await buildUser(t.db.database, { isVerified: false });
    const answers = await Promise.all([resend("nobody@example.com"), resend(verified.email), resend(unverified.email)]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(await latestMailTo(t.db.database, verified.email)).toBeUndefined();
    expect(await latestMailTo(t.db.database, "nobody@example.com")).toBeUndefined();
    const mail = await latestMailTo(t.db.database, unverified.email);
    const token = linkToken(mail?.text_body, "verify-email");
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token } })).statusCode,
    ).toBe(200);
  });

  it("keeps only the newest link working", async () => {
    const user = await buildUser(t.db.database, { isVerified: false });
    await resend(user.email);
    const first = linkToken((await latestMailTo(t.db.database, user.email))?.text_body, "verify-email");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await resend(user.email);
    const second = linkToken((await latestMailTo(t.db.database, user.email))?.text_body, "verify-email");
    expect(second).not.toBe(first);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token: first } })).statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/auth/verify-email", payload: { token: second } })).statusCode,
    ).toBe(200);
  });

  it("limits resends per address with 429", async () => {
    const user = await buildUser(t.db.database, { isVerified: false });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await resend(user.email)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
