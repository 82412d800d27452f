import {
  type CreateTokenRequest,
  defaultTokenScopes,
  type Role,
  type TokenScope,
  tokenScopeSchema,
  tokenScopes,
} from "@stave/contracts";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { randomToken, sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { csrfTokenFor, type Principal, type PrincipalResolver } from "../../platform/http/access.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import {
  findLiveAccessToken,
  insertAccessToken,
  listAccessTokens,
  revokeAccessToken,
  revokeAllAccessTokens,
  touchAccessToken,
} from "./access-tokens.repo.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { findCredentialsById, lockCredentials } from "./accounts.repo.ts";
import { audit } from "./accounts.shared.ts";
import { confirmRecentIdentity } from "./reauthentication.ts";
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
        scopes: null,
      };
    },
    async fromBearerToken(token: string): Promise<Principal | null> {
      if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
      const found = await findLiveAccessToken(db, sha256(token));
      if (!found) return null;
      if (isStale(found.last_used_at)) await touchAccessToken(db, found.id);
      return {
        userId: found.user_id,
        role: found.role,
        isVerified: found.is_verified,
        via: "token",
        sessionId: null,
        scopes: knownScopes(found.scopes),
      };
    },
  };
}

/**
 * Signs the user out everywhere: every session (but the one named, when the user is the one
 * acting) and every personal access token, in the caller's transaction. Every credential dies
 * together: an admin suspending them or forcing a password reset, a password change or
 * reset, two-factor turned off.
 */
export async function revokeAllSignIns(db: Kysely<DB>, userId: string, keep: { exceptSession?: string | null } = {}) {
  return {
    sessions: await revokeSessions(db, userId, { except: keep.exceptSession ?? null }),
    accessTokens: await revokeAllAccessTokens(db, userId),
  };
}

/** A token's stored scopes the contract knows. Fail closed: a value it does not know grants nothing. */
const knownScopes = (stored: string[]) =>
  stored.filter((scope): scope is TokenScope => tokenScopeSchema.safeParse(scope).success);

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  created_at: Date | string;
  last_used_at: Date | null;
  expires_at: Date | null;
}

const presentToken = (row: TokenRow) => ({
  id: row.id,
  name: row.name,
  scopes: knownScopes(row.scopes),
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  expiresAt: row.expires_at?.toISOString() ?? null,
  expired: row.expires_at !== null && row.expires_at.getTime() <= Date.now(),
});

/** The roles whose routes an `admin`-scoped token can reach: only they may grant that scope. */
const mayGrantAdminScope = (role: Role) => role === "admin" || role === "moderator";

/** Personal access tokens for API clients: shown once, stored hashed, scoped, revocable. */
export const accessTokens = {
  /**
   * Mints a token after an in-session confirmation (password or 2FA code). Only from a
   * cookie session: a token never mints another (it could otherwise widen its own scopes).
   */
  async create(ctx: AccountsContext, principal: Principal, input: CreateTokenRequest, meta: RequestMeta) {
    if (principal.via !== "session") {
      throw new AppError("FORBIDDEN", "Personal access tokens are created from a signed-in browser session");
    }
    const user = await findCredentialsById(ctx.database.primary, principal.userId);
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    // A token outlives the session and works from anywhere: an account whose address nobody
    // has proved (a throwaway sign-up) gets none, as it cannot comment or message either.
    if (!user.is_verified) {
      throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before creating an access token");
    }
    // Stored in the contract's order, whatever order they were asked in.
    const requested = input.scopes ?? defaultTokenScopes;
    const scopes = tokenScopes.filter((scope) => requested.includes(scope));
    if (scopes.includes("admin") && !mayGrantAdminScope(user.role)) {
      throw new AppError("FORBIDDEN", "Only administrators and moderators can create a token with the admin scope");
    }
    await confirmRecentIdentity(ctx, user, input, meta);
    const token = `${ACCESS_TOKEN_PREFIX}${randomToken()}`;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000) : null;
    const row = await ctx.database.primary.transaction().execute(async (trx) => {
      // Serialised with whatever revokes every token (password change or reset, 2FA off,
      // suspension): each updates this row. Confirmed before such a change but inserted
      // after it, the token would outlive the revocation; under the lock it either goes in
      // first (and the change revokes it) or sees the change here and is refused.
      const current = await lockCredentials(trx, user.id);
      if (
        !current ||
        current.suspended_at !== null ||
        current.password_hash !== user.password_hash ||
        current.two_factor_enabled !== user.two_factor_enabled ||
        current.two_factor_secret !== user.two_factor_secret
      ) {
        throw new AppError("CONFLICT", "Your sign-in details changed while the token was being created: try again");
      }
      // A demotion revokes `admin`-scoped tokens under this same row lock: one checked against
      // the role read before it must not be inserted after it.
      if (scopes.includes("admin") && !mayGrantAdminScope(current.role)) {
        throw new AppError("FORBIDDEN", "Only administrators and moderators can create a token with the admin scope");
      }
      return insertAccessToken(trx, { userId: user.id, name: input.name, tokenHash: sha256(token), scopes, expiresAt });
    });
    await audit(ctx, "user.token_create", user.id, meta, {
      tokenId: row.id,
      scopes: [...scopes],
      expiresAt: expiresAt?.toISOString() ?? null,
    });
    return { ...presentToken(row), token };
  },
  async list(ctx: AccountsContext, userId: string) {
    return (await listAccessTokens(ctx.database.primary, userId)).map(presentToken);
  },
  /** Revokes one of the user's tokens; false when there is no such live token. Audited like creation. */
  async revoke(ctx: AccountsContext, userId: string, tokenId: string, meta: RequestMeta) {
    const revoked = await revokeAccessToken(ctx.database.primary, userId, tokenId);
    if (revoked) {
      await audit(ctx, "user.token_revoke", userId, meta, { tokenId });
    }
    return revoked;
  },
};
