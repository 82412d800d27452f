import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, buildUser, linkToken, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { buildTestApp, errorCode } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { startSmtpMailer } from "../../../test/smtp.ts";
import { waitFor } from "../../../test/wait.ts";
import { JobWorker } from "../../platform/jobs/index.ts";
import { mailJobs } from "../../platform/mail/index.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let adminUser: TestUser;
let admin: SignedIn;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  adminUser = await buildUser(testDb.database, { role: "admin" });
  admin = await signIn(app, adminUser);
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const login = (user: TestUser, password = user.password) =>
  app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: user.email, password } });
const forceReset = (id: string) =>
  app.inject({ method: "POST", url: `/api/v1/admin/users/${id}/force-password-reset`, headers: admin.headers });

/** Delivers the queued mail through a real SMTP server and returns the first to `to` matching `subject`. */
async function deliveredMail(to: string, subject: RegExp) {
  const { smtp, mailer } = await startSmtpMailer();
  const worker = new JobWorker({
    database: testDb.database,
    registry: mailJobs({ database: testDb.database, mailer }),
    logger: silentLogger,
    pollIntervalMs: 50,
  });
  await worker.start();
  try {
    return await waitFor(
      async () => smtp.received.find((mail) => mail.to === to && subject.test(mail.subject)),
      20_000,
      `a mail to ${to}`,
    );
  } finally {
    await worker.stop(100);
    mailer.close();
    await smtp.close();
  }
}

describe("POST /api/v1/admin/users/:id/force-password-reset", () => {
  it("retires the password and every sign-in until the mailed reset link sets a new one", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const token = (
      await app.inject({
        method: "POST",
        url: "/api/v1/users/me/tokens",
        headers: session.headers,
        payload: { name: "sync", password: user.password },
      })
    ).json().token as string;

    const response = await forceReset(user.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ passwordResetRequired: true, sessions: [] });

    expect((await app.inject({ url: "/api/v1/users/me", headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: "/api/v1/users/me", headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(401);
    const refused = await login(user);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("PASSWORD_RESET_REQUIRED");
    expect(refused.json().error.message).toMatch(/check your email/i);
    // A wrong password still says only that: the reset requirement is no hint to a stranger.
    expect(errorCode(await login(user, "not-the-password-at-all"))).toBe("INVALID_CREDENTIALS");

    const mail = await deliveredMail(user.email, /new password/i);
    expect(mail.text).toMatch(/administrator/i);
    const resetToken = linkToken(mail.text, "reset-password");
    const reset = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token: resetToken, newPassword: "after-the-storm-passes-7" },
    });
    expect(reset.statusCode, reset.body).toBe(204);

    expect((await login(user)).statusCode).toBe(401);
    expect((await login(user, "after-the-storm-passes-7")).statusCode).toBe(200);
    const detail = await app.inject({ url: `/api/v1/admin/users/${user.id}`, headers: { cookie: admin.cookie } });
    expect(detail.json()).toMatchObject({ passwordResetRequired: false });

    const audits = await auditEntries(testDb.database, "admin.force_password_reset", { targetId: user.id });
    expect(audits).toEqual([
      expect.objectContaining({ actor_id: adminUser.id, metadata: { sessionsRevoked: 1, accessTokensRevoked: 1 } }),
    ]);
  });

  it("answers 404 for an unknown account", async () => {
    expect((await forceReset(randomUUID())).statusCode).toBe(404);
  });
});
