import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { DB, Role } from "../../platform/db/schema.ts";

/**
 * Sets a user's role and returns the role it replaced, read under the row lock so the
 * audit trail's from/to is exact even when the user self-upgrades at the same moment.
 */
export async function setUserRole(db: Kysely<DB>, userId: string, role: Role) {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("users")
      .select("role")
      .where("id", "=", userId)
      .where("deleted_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return undefined;
    await trx.updateTable("users").set({ role, updated_at: sql<Date>`now()` }).where("id", "=", userId).execute();
    return { previousRole: current.role };
  });
}
