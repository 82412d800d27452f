import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, buildUser } from "../../../test/accounts.ts";
import { buildTestApp, errorCode, useTestApp } from "../../../test/app.ts";
import { rateRules } from "./accounts.context.ts";

/**
 * Behind one nginx (TRUST_PROXY=1) that appends the address it sees to X-Forwarded-For,
 * whatever the client wrote in front of it: only the last entry is the client.
 */
const t = useTestApp({ env: { TRUST_PROXY: "1" } });

const NGINX = "10.0.0.2";
let forged = 0;
/** Headers of a request from `client` through nginx, with a new forged address before it each time. */
const through = (client: string) => ({
  "x-forwarded-for": `198.18.${Math.floor(++forged / 250)}.${forged % 250}, ${client}`,
  "user-agent": "StaveTest/1.0",
});

const post = (app: FastifyInstance, url: string, payload: object, headers: Record<string, string>) =>
  app.inject({ method: "POST", url, payload, headers, remoteAddress: NGINX });

describe("per-address limits behind a proxy, with a client rotating X-Forwarded-For", () => {
  it("count sign-in attempts against the real client", async () => {
    const client = "203.0.113.71";
    const { limit } = rateRules.loginPerIp;
    for (let i = 0; i < limit; i++) {
      const response = await post(
        t.app,
        "/api/v1/auth/login",
        { login: `nobody${i}`, password: "wrong-password-123" },
        through(client),
      );
      expect(response.statusCode).toBe(401);
    }
    const limited = await post(
      t.app,
      "/api/v1/auth/login",
      { login: "nobody-more", password: "wrong-password-123" },
      through(client),
    );
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    // Another client behind the same nginx is not held back.
    const other = await post(
      t.app,
      "/api/v1/auth/login",
      { login: "nobody-else", password: "wrong-password-123" },
      through("203.0.113.72"),
    );
    expect(other.statusCode).toBe(401);
  });

  it("count registrations against the real client", async () => {
    const client = "203.0.113.73";
    const register = (i: number) =>
      post(
        t.app,
        "/api/v1/auth/register",
        { email: `rotating${i}@example.com`, username: `rotating${i}`, password: "a-Long-enough-passphrase-42" },
        through(client),
      );
    for (let i = 0; i < rateRules.registerPerIp.limit; i++) expect((await register(i)).statusCode).toBe(201);
    const limited = await register(99);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
  });

  it("count password reset mails against the real client", async () => {
    const client = "203.0.113.74";
    const forgot = (i: number) =>
      post(t.app, "/api/v1/auth/password/forgot", { email: `someone${i}@example.com` }, through(client));
    for (let i = 0; i < rateRules.resetMailPerIp.limit; i++) expect((await forgot(i)).statusCode).toBe(202);
    const limited = await forgot(99);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
  });
});

describe("per-address limits for IPv6 clients, which pick addresses inside their /64 at will", () => {
  const login = (remoteAddress: string, i: number) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: `v6-nobody${i}`, password: "wrong-password-123" },
      remoteAddress,
    });

  it("count sign-in attempts from a whole /64 as one address, and another /64 apart", async () => {
    const { limit } = rateRules.loginPerIp;
    // 40 attempts, each from a new address in 2001:db8:13:1::/64, in the spellings clients use.
    const spellings = (i: number) =>
      [`2001:db8:13:1::${(i + 1).toString(16)}`, `2001:0DB8:0013:0001:${i + 1}:0:0:1`, `2001:db8:13:1:a:b:c:${i + 1}`][
        i % 3
      ] ?? "";
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login(spellings(i), i)).statusCode);
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual(Array(40 - limit).fill(429));
    // The neighbouring /64 is another client.
    expect((await login("2001:db8:13:2::1", 99)).statusCode).toBe(401);
  });

  it("count an IPv4-mapped address as the IPv4 address it maps", async () => {
    const { limit } = rateRules.loginPerIp;
    for (let i = 0; i < limit; i++) {
      const address = i % 2 ? "203.0.113.81" : "::ffff:203.0.113.81";
      expect((await login(address, i)).statusCode).toBe(401);
    }
    const limited = await login("::ffff:203.0.113.81", 99);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect((await login("203.0.113.81", 100)).statusCode).toBe(429);
  });

  it("count password reset mails from a whole /64 as one address", async () => {
    const forgot = (i: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/password/forgot",
        payload: { email: `v6-someone${i}@example.com` },
        remoteAddress: `2001:db8:13:3::${i + 1}`,
      });
    for (let i = 0; i < rateRules.resetMailPerIp.limit; i++) expect((await forgot(i)).statusCode).toBe(202);
    expect((await forgot(99)).statusCode).toBe(429);
  });

  it("still write the client's full address into its session and the audit log", async () => {
    const user = await buildUser(t.db.database);
    const client = "2001:db8:13:4::abcd";
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: user.username, password: user.password },
      remoteAddress: client,
    });
    expect(response.statusCode).toBe(200);
    await expectSignInRecordedFrom(user.id, client);
  });
});

/** The user's one session and sign-in audit row both carry `address`. */
async function expectSignInRecordedFrom(userId: string, address: string) {
  const sessions = await t.db.database.primary
    .selectFrom("sessions")
    .select("ip")
    .where("user_id", "=", userId)
    .execute();
  expect(sessions).toEqual([{ ip: address }]);
  const logins = await auditEntries(t.db.database, "user.login", { targetId: userId });
  expect(logins.map((entry) => entry.ip)).toEqual([address]);
}

describe("the address written into sessions and the audit log", () => {
  it("is the real client's, not the one it forged", async () => {
    const user = await buildUser(t.db.database);
    const client = "203.0.113.75";
    const response = await post(
      t.app,
      "/api/v1/auth/login",
      { login: user.username, password: user.password },
      { "x-forwarded-for": `6.6.6.6, ${client}`, "user-agent": "StaveTest/1.0" },
    );
    expect(response.statusCode).toBe(200);
    await expectSignInRecordedFrom(user.id, client);
  });
});

describe("which peers are trusted", () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const appWith = async (env: Record<string, string>) => {
    const app = await buildTestApp(t.db.database, { env });
    apps.push(app);
    return app;
  };
  let byAddress: FastifyInstance;
  let untrusting: FastifyInstance;
  beforeAll(async () => {
    byAddress = await appWith({ TRUST_PROXY: "10.0.0.0/8" });
    untrusting = await appWith({});
  });

  /** The address a sign-in from `remoteAddress` with these headers is recorded under. */
  async function recordedAddress(app: FastifyInstance, remoteAddress: string, forwardedFor: string) {
    const user = await buildUser(t.db.database);
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: user.username, password: user.password },
      headers: { "x-forwarded-for": forwardedFor },
      remoteAddress,
    });
    expect(response.statusCode).toBe(200);
    const session = await t.db.database.primary
      .selectFrom("sessions")
      .select("ip")
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    return session.ip;
  }

  it("with a list, takes the first address that is not a listed proxy, reading from the right", async () => {
    expect(await recordedAddress(byAddress, "10.0.0.2", "6.6.6.6, 203.0.113.76, 10.0.0.9")).toBe("203.0.113.76");
    // A client reaching Stave directly (not through a listed proxy) is its socket's address.
    expect(await recordedAddress(byAddress, "203.0.113.77", "6.6.6.6")).toBe("203.0.113.77");
  });

  it("without TRUST_PROXY, ignores X-Forwarded-For altogether", async () => {
    expect(await recordedAddress(untrusting, "203.0.113.78", "6.6.6.6")).toBe("203.0.113.78");
  });
});
