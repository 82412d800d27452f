import { type Kysely, sql } from "kysely";
import type { DB, OneTimeTokenPurpose } from "../../platform/db/schema.ts";

export async function insertOneTimeToken(
  db: Kysely<DB>,
  token: { userId: string; purpose: OneTimeTokenPurpose; tokenHash: Buffer; ttlSeconds: number },
) {
  await db
    .insertInto("one_time_tokens")
    .values({
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      expires_at: sql<Date>`now() + make_interval(secs => ${token.ttlSeconds})`,
    })
    .execute();
}

/** Uses a token up in one statement (so it works once, even under races); returns its user. */
export async function consumeOneTimeToken(db: Kysely<DB>, purpose: OneTimeTokenPurpose, tokenHash: Buffer) {
  const row = await db
    .updateTable("one_time_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** Looks a token up without using it (a 2FA challenge survives a mistyped code). */
export async function peekOneTimeToken(db: Kysely<DB>, purpose: OneTimeTokenPurpose, tokenHash: Buffer) {
  const row = await db
    .selectFrom("one_time_tokens")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return row?.user_id;
}

/** Retires a user's outstanding tokens of one purpose: only the newest link works. */
export async function retireOneTimeTokens(db: Kysely<DB>, userId: string, purpose: OneTimeTokenPurpose) {
  await db
    .updateTable("one_time_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}
