import { describe, expect, it } from "vitest";
import { buildUser, sessionCookieOf, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";

const t = useTestApp();

const login = (payload: { login: string; password: string }, ip = "192.0.2.10") =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload, remoteAddress: ip });
const me = (headers: Record<string, string>) => t.app.inject({ url: "/api/v1/users/me", headers });

describe("signing in", () => {
  it("signs in by username or email and sets a safe session cookie", async () => {
    const user = await buildUser(t.db.database);
    for (const name of [user.username, user.email.toUpperCase()]) {
      const response = await login({ login: name, password: user.password });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.user.username).toBe(user.username);
      expect(body.csrfToken).toEqual(expect.any(String));
      const cookie = response.cookies.find((c) => c.name === "stave_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect((await me({ cookie: sessionCookieOf(response) })).json().id).toBe(user.id);
    }
  });

  it("answers the same 401 for a wrong password and an unknown account, and audits both", async () => {
    const user = await buildUser(t.db.database);
    const wrong = await login({ login: user.username, password: "not-the-password-1" });
    const unknown = await login({ login: "nobody_here", password: "not-the-password-1" });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(errorCode(wrong)).toBe("INVALID_CREDENTIALS");
    const failures = await t.db.database.primary
      .selectFrom("audit_log")
      .select(["actor_id", "metadata", "ip"])
      .where("action", "=", "user.login")
      .where(({ ref }) => ref("metadata", "->>").key("success"), "=", "false")
      .execute();
    expect(failures).toEqual(
      expect.arrayContaining([
        { actor_id: user.id, metadata: { success: false, reason: "wrong_password" }, ip: "192.0.2.10" },
        { actor_id: null, metadata: { success: false, reason: "unknown_account" }, ip: "192.0.2.10" },
      ]),
    );
  });

  it("locks an account's sign-in after 10 attempts with 429 and Retry-After", async () => {
    const user = await buildUser(t.db.database);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(
        (await login({ login: user.username, password: `wrong-guess-${attempt}` }, `192.0.2.${100 + attempt}`))
          .statusCode,
      ).toBe(401);
    }
    const locked = await login({ login: user.username, password: user.password }, "192.0.2.99");
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe("RATE_LIMITED");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits sign-in attempts per IP address", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      statuses.push(
        (await login({ login: `spray_${attempt}`, password: "whatever-guess-1" }, "192.0.2.250")).statusCode,
      );
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it("signs out: the session stops working and is audited", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
    const actions = await t.db.database.primary
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", user.id)
      .execute();
    expect(actions.map((row) => row.action)).toContain("user.logout");
  });

  it("answers 401 UNAUTHENTICATED without a session", async () => {
    const response = await me({});
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("CSRF protection", () => {
  it("refuses a cookie-authenticated change without the right X-CSRF-Token", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    const patch = (headers: Record<string, string>) =>
      t.app.inject({ method: "PATCH", url: "/api/v1/users/me", headers, payload: { displayName: "Ada" } });
    const missing = await patch({ cookie: session.cookie });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe("CSRF_INVALID");
    const wrong = await patch({ cookie: session.cookie, "x-csrf-token": `${session.csrfToken}x` });
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("CSRF_INVALID");
    const right = await patch(session.headers);
    expect(right.statusCode).toBe(200);
    expect(right.json().profile.displayName).toBe("Ada");
  });

  it("gives back the session's CSRF token after a reload, and another session's token does not work", async () => {
    const user = await buildUser(t.db.database);
    const first = await signIn(t.app, user);
    const second = await signIn(t.app, user);
    const fetched = await t.app.inject({ url: "/api/v1/auth/csrf", headers: { cookie: first.cookie } });
    expect(fetched.json()).toEqual({ csrfToken: first.csrfToken });
    const crossed = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: { cookie: first.cookie, "x-csrf-token": second.csrfToken },
      payload: { bio: "x" },
    });
    expect(crossed.statusCode).toBe(403);
  });
});

describe("sessions and access tokens", () => {
  it("lists my sessions, marks this one, and signs out another device", async () => {
    const user = await buildUser(t.db.database);
    const laptop = await signIn(t.app, user, "203.0.113.1");
    const phone = await signIn(t.app, user, "203.0.113.2");
    const list = (await t.app.inject({ url: "/api/v1/users/me/sessions", headers: { cookie: laptop.cookie } })).json();
    expect(list.items).toHaveLength(2);
    const current = list.items.find((s: { current: boolean }) => s.current);
    const other = list.items.find((s: { current: boolean }) => !s.current);
    expect(current).toMatchObject({ ip: "203.0.113.1", userAgent: "StaveTest/1.0" });
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/me/sessions/${other.id}`,
      headers: laptop.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(200);
  });

  it("cannot revoke someone else's session", async () => {
    const mallory = await signIn(t.app, await buildUser(t.db.database));
    const victim = await signIn(t.app, await buildUser(t.db.database));
    const victimSessions = (
      await t.app.inject({ url: "/api/v1/users/me/sessions", headers: { cookie: victim.cookie } })
    ).json();
    const attempt = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/users/me/sessions/${victimSessions.items[0].id}`,
      headers: mallory.headers,
    });
    expect(attempt.statusCode).toBe(404);
    expect((await me({ cookie: victim.cookie })).statusCode).toBe(200);
  });

  it("issues a personal access token that works without CSRF, is stored hashed, and can be revoked", async () => {
    const user = await buildUser(t.db.database);
    const session = await signIn(t.app, user);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/me/tokens",
      headers: session.headers,
      payload: { name: "my script", scopes: ["read", "write"], password: user.password },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^stave_pat_/);
    const stored = await t.db.database.primary
      .selectFrom("personal_access_tokens")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash.toString("utf8")).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).json().id).toBe(user.id);
    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: bearer,
      payload: { location: "Lyon" },
    });
    expect(patched.statusCode).toBe(200);
    const listed = (await t.app.inject({ url: "/api/v1/users/me/tokens", headers: bearer })).json();
    expect(listed.items.map((t: { name: string }) => t.name)).toEqual(["my script"]);
    expect(listed.items[0].token).toBeUndefined();

    expect(
      (await t.app.inject({ method: "DELETE", url: `/api/v1/users/me/tokens/${id}`, headers: session.headers }))
        .statusCode,
    ).toBe(204);
    const revoked = await me(bearer);
    expect(revoked.statusCode).toBe(401);
    expect(errorCode(revoked)).toBe("UNAUTHENTICATED");
  });
});

describe("profile", () => {
  it("updates profile fields and refuses invalid links", async () => {
    const session = await signIn(t.app, await buildUser(t.db.database));
    const updated = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: session.headers,
      payload: {
        displayName: "  Ada L.  ",
        bio: "Synths.",
        location: "Paris",
        links: [{ label: "Site", url: "https://ada.example" }],
      },
    });
    expect(updated.json().profile).toEqual({
      displayName: "Ada L.",
      bio: "Synths.",
      avatarUrl: null,
      location: "Paris",
      links: [{ label: "Site", url: "https://ada.example" }],
    });
    const invalid = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: session.headers,
      payload: { links: [{ label: "x", url: "javascript:alert(1)" }] },
    });
    expect(invalid.statusCode).toBe(400);
  });
});
