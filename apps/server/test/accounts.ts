import type { Role } from "@stave/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { insertUser } from "../src/modules/accounts/accounts.repo.ts";
import { hashPassword } from "../src/modules/accounts/passwords.ts";
import type { Database } from "../src/platform/db/database.ts";
import type { TestAppContext } from "./app.ts";

let counter = 0;
// One hash for every factory user: argon2 is slow on purpose, tests need not be.
const defaultPassword = "a-Long-enough-passphrase-42";
let defaultHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
}

/** Inserts a user straight into the database: verified, role `user` unless told otherwise. */
export async function buildUser(
  database: Database,
  overrides: { role?: Role; isVerified?: boolean; password?: string; username?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const username = overrides.username ?? `listener${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const email = `${username}@example.com`;
  const password = overrides.password ?? defaultPassword;
  defaultHash ??= hashPassword(defaultPassword);
  const passwordHash = overrides.password ? await hashPassword(password) : await defaultHash;
  const id = await insertUser(database.primary, {
    email,
    username,
    passwordHash,
    role: overrides.role ?? "user",
    isVerified: overrides.isVerified ?? true,
  });
  return { id, email, username, password };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request: the session cookie and its CSRF token. */
  headers: Record<string, string>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "stave_session");
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `stave_session=${cookie.value}`;
}

export async function signIn(
  app: FastifyInstance,
  user: { username: string; password: string },
  ip = "203.0.113.7",
): Promise<SignedIn> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: user.username, password: user.password },
    remoteAddress: ip,
    headers: { "user-agent": "StaveTest/1.0" },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  const { csrfToken } = response.json();
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/** A test user with their session. */
export type SignedInUser = TestUser & { session: SignedIn };

let signIns = 0;

/**
 * A user signed in from an address of their own in `network` (a /24 of documentation
 * addresses), so the per-IP login limit never bites however many a test file signs in.
 */
export async function buildSignedInUser(
  t: TestAppContext,
  overrides: { role?: Role; isVerified?: boolean },
  network: string,
): Promise<SignedInUser> {
  const user = await buildUser(t.db.database, overrides);
  signIns += 1;
  return { ...user, session: await signIn(t.app, user, `${network}.${signIns % 250}`) };
}

/** A request as `who` (their cookie, and its CSRF token unless it only reads), or anonymous when `who` is null. */
export function requestAs(
  app: FastifyInstance,
  who: { session: SignedIn } | null,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(who && { headers: method === "GET" ? { cookie: who.session.cookie } : who.session.headers }),
    ...(payload !== undefined && { payload: payload as object }),
  });
}

/** The latest mail queued to an address (its body is still in the outbox until sent). */
export async function latestMailTo(database: Database, to: string) {
  return database.primary
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

export function linkToken(mailText: string | null | undefined, path: string): string {
  const match = new RegExp(`${path}#token=([A-Za-z0-9_-]+)`).exec(mailText ?? "");
  if (!match?.[1]) throw new Error(`no ${path} link in mail: ${mailText}`);
  return match[1];
}

/** The audit entries of one action, about one target or by one actor, oldest first. */
export function auditEntries(database: Database, action: string, about: { targetId?: string; actorId?: string }) {
  let query = database.primary.selectFrom("audit_log").selectAll().where("action", "=", action);
  if (about.targetId) query = query.where("target_id", "=", about.targetId);
  if (about.actorId) query = query.where("actor_id", "=", about.actorId);
  return query.orderBy("created_at").execute();
}
