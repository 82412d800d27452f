import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { randomToken, sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { csrfTokenFor, type Principal, type PrincipalResolver } from "../../platform/http/access.ts";
import {
  findLiveAccessToken,
  insertAccessToken,
  listAccessTokens,
  revokeAccessToken,
  revokeAllAccessTokens,
  touchAccessToken,
} from "./access-tokens.repo.ts";
import type { AccountsContext, RequestMeta } from "./accounts.context.ts";
import { findLiveSession, insertSession, revokeSessions, touchSession } from "./sessions.repo.ts";

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
const ACCESS_TOKEN_PREFIX = "stave_pat_";
// Bookkeeping writes at most once a minute per session or token, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export interface StartedSession {
  sessionId: string;
  sessionToken: string;
  csrfToken: string;
}

export async function startSession(ctx: AccountsContext, userId: string, meta: RequestMeta): Promise<StartedSession> {
  const sessionToken = randomToken();
  const sessionId = await insertSession(ctx.database.primary, {
    userId,
    tokenHash: sha256(sessionToken),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  });
  return { sessionId, sessionToken, csrfToken: csrfTokenFor(ctx.secrets, sessionToken) };
}

const isStale = (lastSeen: Date | null) => !lastSeen || Date.now() - new Date(lastSeen).getTime() > TOUCH_INTERVAL_MS;

export function createPrincipalResolver(ctx: AccountsContext): PrincipalResolver {
  const db = ctx.database.primary;
  return {
    async fromSessionToken(token: string, _request: FastifyRequest): Promise<Principal | null> {
      const session = await findLiveSession(db, sha256(token));
      if (!session) return null;
      if (isStale(session.last_seen_at)) await touchSession(db, session.id);
      return {
        userId: session.user_id,
        role: session.role,
        isVerified: session.is_verified,
        via: "session",
        sessionId: session.id,
      };
    },
    async fromBearerToken(token: string): Promise<Principal | null> {
      if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
      const found = await findLiveAccessToken(db, sha256(token));
      if (!found) return null;
      if (isStale(found.last_used_at)) await touchAccessToken(db, found.id);
      return { userId: found.user_id, role: found.role, isVerified: found.is_verified, via: "token", sessionId: null };
    },
  };
}

/**
 * Signs the user out everywhere: every session and every personal access token, in the
 * caller's transaction (an admin suspending them or forcing a password reset).
 */
export async function revokeAllSignIns(db: Kysely<DB>, userId: string) {
  return { sessions: await revokeSessions(db, userId), accessTokens: await revokeAllAccessTokens(db, userId) };
}

const presentToken = (row: { id: string; name: string; created_at: Date | string; last_used_at: Date | null }) => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

/** Personal access tokens for API clients: shown once, stored hashed, revocable. */
export const accessTokens = {
  async create(ctx: AccountsContext, userId: string, name: string) {
    const token = `${ACCESS_TOKEN_PREFIX}${randomToken()}`;
    const row = await insertAccessToken(ctx.database.primary, { userId, name, tokenHash: sha256(token) });
    return { ...presentToken(row), token };
  },
  async list(ctx: AccountsContext, userId: string) {
    return (await listAccessTokens(ctx.database.primary, userId)).map(presentToken);
  },
  revoke: (ctx: AccountsContext, userId: string, tokenId: string) =>
    revokeAccessToken(ctx.database.primary, userId, tokenId),
};
