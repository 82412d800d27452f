import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { AccountEraser } from "../../platform/personal-data/eraser.ts";

/** Sessions, access tokens and one-time tokens (reset and verification links) go: the account is signed out everywhere. */
export const eraseSignIns: AccountEraser = async (trx, userId) => {
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  await trx.deleteFrom("personal_access_tokens").where("user_id", "=", userId).execute();
  await trx.deleteFrom("one_time_tokens").where("user_id", "=", userId).execute();
};

export const DELETED_DISPLAY_NAME = "Deleted user";

/**
 * Locks the account's row until the deletion's transaction ends; false when there is no such
 * account or it is deleted already (a second request waits here, then finds it deleted).
 */
export async function lockAccountForDeletion(trx: Kysely<DB>, userId: string): Promise<boolean> {
  const locked = await trx
    .selectFrom("users")
    .select("deleted_at")
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  return locked !== undefined && !locked.deleted_at;
}

/** The key of the account's avatar file, if it has one: the caller deletes the file. */
export async function findAvatarKey(db: Kysely<DB>, userId: string): Promise<string | null | undefined> {
  const profile = await db
    .selectFrom("user_profiles")
    .select("avatar_key")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return profile?.avatar_key;
}

/** Replaces every personal field with a placeholder no one can sign in with. */
export async function anonymiseAccount(trx: Kysely<DB>, userId: string) {
  const tag = userId.replace(/-/g, "").slice(0, 16);
  await trx
    .updateTable("users")
    .set({
      email: `deleted-${tag}@deleted.invalid`,
      username: `deleted_${tag}`,
      password_hash: null,
      two_factor_enabled: false,
      two_factor_secret: null,
      two_factor_pending_secret: null,
      two_factor_last_step: null,
      backup_codes: [],
      deleted_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", userId)
    .execute();
  await trx
    .updateTable("user_profiles")
    .set({
      display_name: DELETED_DISPLAY_NAME,
      bio: null,
      avatar_key: null,
      location: null,
      links: JSON.stringify([]),
      updated_at: sql<Date>`now()`,
    })
    .where("user_id", "=", userId)
    .execute();
}

/**
 * One account deleted more than `olderThanDays` ago and not yet hard-deleted, its row locked
 * until the transaction ends; SKIP LOCKED, so workers purging at once each take another.
 */
export async function claimAccountToPurge(trx: Kysely<DB>, olderThanDays: number): Promise<string | undefined> {
  const user = await trx
    .selectFrom("users")
    .select("id")
    .where("deleted_at", "<", sql<Date>`now() - make_interval(days => ${olderThanDays})`)
    .where("hard_deleted_at", "is", null)
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return user?.id;
}

/** Marks the account a tombstone: the hard-delete pass is done with it. */
export async function markHardDeleted(trx: Kysely<DB>, userId: string) {
  await trx.updateTable("users").set({ hard_deleted_at: sql<Date>`now()` }).where("id", "=", userId).execute();
}
