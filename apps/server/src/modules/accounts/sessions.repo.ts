import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import type { DB, UsersTable } from "../../platform/db/schema.ts";
import { announceSignInsRevoked } from "../../platform/events/user-events.ts";

export async function insertSession(
  db: Kysely<DB>,
  session: { userId: string; tokenHash: Buffer; ip: string | null; userAgent: string | null; expiresAt: Date },
) {
  const row = await db
    .insertInto("sessions")
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      ip: session.ip,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * What authorisation needs of the user a credential (session or token) signs in, joined as
 * `users`: their role and verification, and only while they may act: neither deleted nor
 * suspended. Suspending revokes their credentials too; this holds if one slipped past that.
 */
export const whereUserMayAct = <TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB | "users", O>) =>
  query
    .select([
      sql.ref<Selectable<UsersTable>["role"]>("users.role").as("role"),
      sql.ref<boolean>("users.is_verified").as("is_verified"),
    ])
    .where(sql.ref("users.deleted_at"), "is", null)
    .where(sql.ref("users.suspended_at"), "is", null);

/**
 * The live session behind a token, with what authorisation needs of its user (`whereUserMayAct`).
 */
export async function findLiveSession(db: Kysely<DB>, tokenHash: Buffer) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id", "sessions.user_id", "sessions.last_seen_at", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .$call(whereUserMayAct)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, sessionId: string) {
  await db.updateTable("sessions").set({ last_seen_at: sql<Date>`now()` }).where("id", "=", sessionId).execute();
}

export async function listLiveSessions(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** Revokes the user's sessions, all or all but one; returns how many. */
export async function revokeSessions(
  db: Kysely<DB>,
  userId: string,
  scope: { only?: string; except?: string | null } = {},
): Promise<number> {
  let query = db
    .updateTable("sessions")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (scope.only) query = query.where("id", "=", scope.only);
  if (scope.except) query = query.where("id", "!=", scope.except);
  const result = await query.executeTakeFirst();
  const revoked = Number(result.numUpdatedRows);
  // Their open event streams end once this commits (those of the sessions still live stay).
  if (revoked > 0) await announceSignInsRevoked(db, userId);
  return revoked;
}
