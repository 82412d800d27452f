import { errorEnvelopeSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, latestMailTo, linkToken, signIn } from "../../../test/accounts.ts";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const errorCode = (response: { json(): unknown }) => errorEnvelopeSchema.parse(response.json()).error.code;
const me = (cookie: string) => app.inject({ url: "/api/v1/users/me", headers: { cookie } });

describe("changing my password", () => {
  it("refuses a wrong current password with 403 PASSWORD_INCORRECT", async () => {
    const session = await signIn(app, await buildUser(testDb.database));
    const response = await app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: session.headers,
      payload: { currentPassword: "not-my-password", newPassword: "brand-new-melody-99" },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("PASSWORD_INCORRECT");
  });

  it("refuses a common new password with 422", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    const response = await app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: session.headers,
      payload: { currentPassword: user.password, newPassword: "password1234" },
    });
    expect(response.statusCode).toBe(422);
  });

  it("sets the new password, keeps this session and signs out the others", async () => {
    const user = await buildUser(testDb.database);
    const here = await signIn(app, user);
    const elsewhere = await signIn(app, user);
    const response = await app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: here.headers,
      payload: { currentPassword: user.password, newPassword: "brand-new-melody-99" },
    });
    expect(response.statusCode).toBe(204);
    expect((await me(here.cookie)).statusCode).toBe(200);
    expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    await expect(signIn(app, user)).rejects.toThrow(/401/);
    await expect(signIn(app, { ...user, password: "brand-new-melody-99" })).resolves.toBeDefined();
    const audit = await testDb.database.primary
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.password_change")
      .executeTakeFirstOrThrow();
    expect(audit.metadata).toEqual({ otherSessionsRevoked: 1 });
  });
});

describe("forgotten password", () => {
  const forgot = (email: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email },
      remoteAddress: "198.18.0.1",
    });
  const reset = (token: string, newPassword: string) =>
    app.inject({ method: "POST", url: "/api/v1/auth/password/reset", payload: { token, newPassword } });

  it("mails a single-use reset link that signs out every session", async () => {
    const user = await buildUser(testDb.database);
    const session = await signIn(app, user);
    expect((await forgot(user.email)).statusCode).toBe(202);
    const token = linkToken((await latestMailTo(testDb.database, user.email))?.text_body, "reset-password");
    expect((await reset(token, "fresh-start-chorus-5")).statusCode).toBe(204);
    expect((await me(session.cookie)).statusCode).toBe(401);
    await expect(signIn(app, { ...user, password: "fresh-start-chorus-5" })).resolves.toBeDefined();
    const reused = await reset(token, "another-fresh-start-6");
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe("INVALID_TOKEN");
  });

  it("answers an unknown address exactly like a known one and mails nothing", async () => {
    const known = await buildUser(testDb.database);
    const [a, b] = await Promise.all([forgot(known.email), forgot("ghost@example.com")]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    expect(await latestMailTo(testDb.database, "ghost@example.com")).toBeUndefined();
  });

  it("refuses a weak new password without using the token up", async () => {
    const user = await buildUser(testDb.database);
    await forgot(user.email);
    const token = linkToken((await latestMailTo(testDb.database, user.email))?.text_body, "reset-password");
    expect((await reset(token, "qwertyuiop")).statusCode).toBe(422);
    expect((await reset(token, "fresh-start-chorus-7")).statusCode).toBe(204);
  });
});
