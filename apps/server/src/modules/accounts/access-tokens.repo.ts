import type { TokenScope } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { announceSignInsRevoked } from "../../platform/events/user-events.ts";
import { whereUserMayAct } from "./sessions.repo.ts";

const tokenColumns = ["id", "name", "scopes", "created_at", "last_used_at", "expires_at"] as const;

export async function insertAccessToken(
  db: Kysely<DB>,
  token: { userId: string; name: string; tokenHash: Buffer; scopes: readonly TokenScope[]; expiresAt: Date | null },
) {
  return db
    .insertInto("personal_access_tokens")
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      scopes: [...token.scopes],
      expires_at: token.expiresAt,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
}

/** Every unrevoked token, expired ones included: the owner sees what lapsed and can remove it. */
export async function listAccessTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("personal_access_tokens")
    .select(tokenColumns)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeAccessToken(db: Kysely<DB>, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable("personal_access_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const revoked = Number(result.numUpdatedRows) === 1;
  // Event streams opened with it end once this commits.
  if (revoked) await announceSignInsRevoked(db, userId);
  return revoked;
}

/**
 * Revokes every live token of the user (password change or reset, 2FA turned off,
 * suspension, forced password reset); returns how many.
 */
export async function revokeAllAccessTokens(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db
    .updateTable("personal_access_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const revoked = Number(result.numUpdatedRows);
  if (revoked > 0) await announceSignInsRevoked(db, userId);
  return revoked;
}

/**
 * Revokes the user's live tokens that carry `scope`; returns how many. A role change that
 * takes staff access away revokes the `admin`-scoped ones: left live, such a token would
 * reach staff routes again the day the role came back, without its owner confirming anything.
 */
export async function revokeAccessTokensWithScope(db: Kysely<DB>, userId: string, scope: TokenScope): Promise<number> {
  const result = await db
    .updateTable("personal_access_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where(sql<boolean>`scopes @> ARRAY[${scope}]::text[]`)
    .executeTakeFirst();
  const revoked = Number(result.numUpdatedRows);
  if (revoked > 0) await announceSignInsRevoked(db, userId);
  return revoked;
}

/** A token that is not revoked, not expired, and whose user may act (`whereUserMayAct`). */
export async function findLiveAccessToken(db: Kysely<DB>, tokenHash: Buffer) {
  return db
    .selectFrom("personal_access_tokens")
    .innerJoin("users", "users.id", "personal_access_tokens.user_id")
    .select([
      "personal_access_tokens.id",
      "personal_access_tokens.user_id",
      "personal_access_tokens.last_used_at",
      "personal_access_tokens.scopes",
      "personal_access_tokens.expires_at",
    ])
    .where("personal_access_tokens.token_hash", "=", tokenHash)
    .where("personal_access_tokens.revoked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("personal_access_tokens.expires_at", "is", null),
        eb("personal_access_tokens.expires_at", ">", sql<Date>`now()`),
      ]),
    )
    .$call(whereUserMayAct)
    .executeTakeFirst();
}

export async function touchAccessToken(db: Kysely<DB>, tokenId: string) {
  await db
    .updateTable("personal_access_tokens")
    .set({ last_used_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .execute();
}
