import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { DB, InviteCodesTable } from "../../platform/db/schema.ts";

export type InviteRow = Selectable<InviteCodesTable>;

export async function insertInvite(
  db: Kysely<DB>,
  invite: {
    codeHash: string;
    hint: string;
    note: string;
    maxUses: number;
    expiresInDays?: number | undefined;
    createdBy: string;
  },
): Promise<InviteRow> {
  return db
    .insertInto("invite_codes")
    .values({
      code_hash: invite.codeHash,
      code_hint: invite.hint,
      note: invite.note,
      max_uses: invite.maxUses,
      expires_at:
        invite.expiresInDays === undefined ? null : sql<Date>`now() + make_interval(days => ${invite.expiresInDays})`,
      created_by: invite.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listInvites(db: Kysely<DB>, limit: number): Promise<InviteRow[]> {
  return db
    .selectFrom("invite_codes")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Revokes a code; undefined when there is no such code. Revoking twice keeps the first time. */
export async function revokeInvite(db: Kysely<DB>, id: string): Promise<InviteRow | undefined> {
  return db
    .updateTable("invite_codes")
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** Not revoked, not expired, not used up. */
const usableNow = (eb: ExpressionBuilder<DB, "invite_codes">) =>
  eb.and([
    eb("revoked_at", "is", null),
    eb.or([eb("expires_at", "is", null), eb("expires_at", ">", sql<Date>`now()`)]),
    eb("uses", "<", eb.ref("max_uses")),
  ]);

/** Whether a code would be accepted now (a read: the use is counted by `countInviteUse`). */
export async function findUsableInvite(db: Kysely<DB>, codeHash: string) {
  return db
    .selectFrom("invite_codes")
    .select("id")
    .where("code_hash", "=", codeHash)
    .where(usableNow)
    .executeTakeFirst();
}

/**
 * Counts one use of a code in the caller's transaction, or answers undefined when it is not
 * usable. The UPDATE locks the row: a second registration racing for the last use waits,
 * re-checks `uses < max_uses` once the first commits, and finds nothing.
 */
export async function countInviteUse(db: Kysely<DB>, codeHash: string) {
  return db
    .updateTable("invite_codes")
    .set((eb) => ({ uses: eb("uses", "+", 1) }))
    .where("code_hash", "=", codeHash)
    .where(usableNow)
    .returning("id")
    .executeTakeFirst();
}
