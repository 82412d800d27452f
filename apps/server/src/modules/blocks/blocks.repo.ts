import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/**
 * Whether the users `a` and `b` (ids, or columns of ids) blocked each other, either way: the
 * one definition of a block relationship, for the visibility rules and for notifications.
 */
export const blockedBetween = (a: string | RawBuilder<string>, b: string | RawBuilder<string>): RawBuilder<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM user_blocks vb
     WHERE (vb.blocker_id = ${a} AND vb.blocked_id = ${b}) OR (vb.blocker_id = ${b} AND vb.blocked_id = ${a}))`;

/** Whether `a` and `b` blocked each other, either way (blockedBetween, asked on its own). */
export async function isBlockedBetween(db: Kysely<DB>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom("user_blocks")
    .select("blocker_id")
    .where((eb) =>
      eb.or([
        eb.and([eb("blocker_id", "=", a), eb("blocked_id", "=", b)]),
        eb.and([eb("blocker_id", "=", b), eb("blocked_id", "=", a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The users `userId` blocked or was blocked by. */
export async function usersBlockedWith(db: Kysely<DB>, userId: string): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom("user_blocks")
    .select(["blocker_id", "blocked_id"])
    .where((eb) => eb.or([eb("blocker_id", "=", userId), eb("blocked_id", "=", userId)]))
    .execute();
  return new Set(rows.map((row) => (row.blocker_id === userId ? row.blocked_id : row.blocker_id)));
}

/** Whom `blockerId` blocked, newest first, with their names. */
export async function listBlockedBy(db: Kysely<DB>, blockerId: string) {
  return db
    .selectFrom("user_blocks as b")
    .innerJoin("users as u", "u.id", "b.blocked_id")
    .leftJoin("user_profiles as p", "p.user_id", "u.id")
    .select(["u.id", "u.username", "p.display_name"])
    .where("b.blocker_id", "=", blockerId)
    .orderBy("b.created_at", "desc")
    .execute();
}

/** Records the block; blocking someone already blocked changes nothing. */
export async function insertBlock(db: Kysely<DB>, blockerId: string, blockedId: string) {
  await db
    .insertInto("user_blocks")
    .values({ blocker_id: blockerId, blocked_id: blockedId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteBlock(db: Kysely<DB>, blockerId: string, blockedId: string) {
  await db.deleteFrom("user_blocks").where("blocker_id", "=", blockerId).where("blocked_id", "=", blockedId).execute();
}
