import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

export async function insertAccessToken(db: Kysely<DB>, token: { userId: string; name: string; tokenHash: Buffer }) {
  return db
    .insertInto("personal_access_tokens")
    .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash })
    .returning(["id", "name", "created_at", "last_used_at"])
    .executeTakeFirstOrThrow();
}

export async function listAccessTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("personal_access_tokens")
    .select(["id", "name", "created_at", "last_used_at"])
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
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every live token of the user (suspension, forced password reset); returns how many. */
export async function revokeAllAccessTokens(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db
    .updateTable("personal_access_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Not a suspended user's: suspending revokes their tokens too, and this holds if one slipped past that. */
export async function findLiveAccessToken(db: Kysely<DB>, tokenHash: Buffer) {
  return db
    .selectFrom("personal_access_tokens")
    .innerJoin("users", "users.id", "personal_access_tokens.user_id")
    .select([
      "personal_access_tokens.id",
      "personal_access_tokens.user_id",
      "personal_access_tokens.last_used_at",
      "users.role",
      "users.is_verified",
    ])
    .where("personal_access_tokens.token_hash", "=", tokenHash)
    .where("personal_access_tokens.revoked_at", "is", null)
    .where("users.deleted_at", "is", null)
    .where("users.suspended_at", "is", null)
    .executeTakeFirst();
}

export async function touchAccessToken(db: Kysely<DB>, tokenId: string) {
  await db
    .updateTable("personal_access_tokens")
    .set({ last_used_at: sql<Date>`now()` })
    .where("id", "=", tokenId)
    .execute();
}
