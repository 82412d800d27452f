import { describe, expect, it } from "vitest";
import { buildUser, latestMailTo, linkToken, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";

const t = useTestApp();

const me = (cookie: string) => t.app.inject({ url: "/api/v1/users/me", headers: { cookie } });

describe("changing my password", () => {
  it("refuses a wrong current password with 403 PASSWORD_INCORRECT", async () => {
    const session = await signIn(t.app, await buildUser(t.db.database));
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: session.headers,
      payload: { currentPassword: "not-my-password", newPassword: "brand-new-melody-99" },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("PASSWORD_INCORRECT");
  });

  it("refuses a common new password with 422", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: session.headers,
      payload: { currentPassword: user.password, newPassword: "password1234" },
    });
    expect(response.statusCode).toBe(422);
  });

  it("sets the new password, keeps this session and signs out the others", async () => {
    const user = await buildUser(t.db.database);
    const here = await signIn(t.app, user);
    const elsewhere = await signIn(t.app, user);
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/v1/users/me/password",
      headers: here.headers,
      payload: { currentPassword: user.password, newPassword: "brand-new-melody-99" },
    });
    expect(response.statusCode).toBe(204);
    expect((await me(here.cookie)).statusCode).toBe(200);
    expect((await me(elsewhere.cookie)).statusCode).toBe(401);
    await expect(signIn(t.app, user)).rejects.toThrow(/401/);
    await expect(signIn(t.app, { ...user, password: "brand-new-melody-99" })).resolves.toBeDefined();
    const audit = await t.db.database.primary
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_id", "=", user.id)
      .where("action", "=", "user.password_change")
      .executeTakeFirstOrThrow();
    expect(audit.metadata).toEqual({ otherSessionsRevoked: 1, accessTokensRevoked: 0 });
  });
});

describe("forgotten password", () => {
  const forgot = (email: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email },
      remoteAddress: "198.18.0.1",
    });
  const reset = (token: string, newPassword: string) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/password/reset", payload: { token, newPassword } });

  it("mails a single-use reset link that signs out every session", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    expect((await forgot(user.email)).statusCode).toBe(202);
    const token = linkToken((await latestMailTo(t.db.database, user.email))?.text_body, "reset-password");
    expect((await reset(token, "fresh-start-chorus-5")).statusCode).toBe(204);
    expect((await me(session.cookie)).statusCode).toBe(401);
    await expect(signIn(t.app, { ...user, password: "fresh-start-chorus-5" })).resolves.toBeDefined();
    const reused = await reset(token, "another-fresh-start-6");
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe("INVALID_TOKEN");
  });

  it("answers an unknown address exactly like a known one and mails nothing", async () => {
    const known = await buildUser(t.db.database);
    const [a, b] = await Promise.all([forgot(known.email), forgot("ghost@example.com")]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    expect(await latestMailTo(t.db.database, "ghost@example.com")).toBeUndefined();
  });

  it("refuses a weak new password without using the token up", async () => {
    const user = await buildUser(t.db.database);
    await forgot(user.email);
    const token = linkToken((await latestMailTo(t.db.database, user.email))?.text_body, "reset-password");
    expect((await reset(token, "qwertyuiop")).statusCode).toBe(422);
    expect((await reset(token, "fresh-start-chorus-7")).statusCode).toBe(204);
  });
});
