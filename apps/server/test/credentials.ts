import type { TokenScope } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { buildUser, type SignedIn, signIn, type TestUser } from "./accounts.ts";
import type { TestAppContext } from "./app.ts";
import { totpCode } from "./totp.ts";

let addressCounter = 0;
/**
 * A fresh client address, so the per-address limit on confirmations (30 per 15 minutes)
 * does not leak from one test into the next of the same file.
 */
export const freshAddress = () => {
  addressCounter += 1;
  return `198.51.100.${(addressCounter % 250) + 1}`;
};

/** The header that presents a personal access token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A user of `role`, signed in, with the session that makes their sensitive changes. */
export async function signedInUser(t: TestAppContext, role: "user" | "admin" | "moderator" = "user") {
  const user = await buildUser(t.db.database, { role });
  return { user, session: await signIn(t.app, user) };
}

/** The password change a signed-in user asks for, from a fresh address unless told which. */
export function changePassword(
  app: FastifyInstance,
  session: SignedIn,
  passwords: { currentPassword: string; newPassword: string },
  remoteAddress = freshAddress(),
) {
  return app.inject({
    method: "PUT",
    url: "/api/v1/users/me/password",
    headers: session.headers,
    remoteAddress,
    payload: passwords,
  });
}

/**
 * Creates a personal access token from a session, confirming with the user's password (and
 * `code`, a TOTP or backup code, which an account with two-factor on must give).
 */
export async function createAccessToken(
  app: FastifyInstance,
  user: TestUser,
  session: SignedIn,
  options: { name?: string; scopes?: TokenScope[]; expiresInDays?: number; code?: string } = {},
): Promise<{ id: string; token: string }> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/users/me/tokens",
    headers: session.headers,
    remoteAddress: freshAddress(),
    payload: { name: options.name ?? "script", password: user.password, ...options },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Turns two-factor on for a signed-in user; returns the authenticator's secret and the backup codes. */
export async function enableTwoFactorFor(app: FastifyInstance, user: TestUser, session: SignedIn) {
  const setup = await app.inject({ method: "POST", url: "/api/v1/users/me/2fa/setup", headers: session.headers });
  const secret = setup.json().secret as string;
  const enabled = await app.inject({
    method: "POST",
    url: "/api/v1/users/me/2fa/enable",
    headers: session.headers,
    remoteAddress: freshAddress(),
    payload: { code: totpCode(secret), password: user.password },
  });
  expect(enabled.statusCode, enabled.body).toBe(200);
  return { secret, backupCodes: enabled.json().backupCodes as string[] };
}
