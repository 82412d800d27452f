import type { AdminUserState } from "@stave/contracts";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB, Role } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import { updateUser } from "../accounts/index.ts";

type UsersBuilder = ExpressionBuilder<DB, "users">;

/** The states are exclusive, in this order: deleted, then suspended, then unverified, else active. */
const inState = (eb: UsersBuilder, state: AdminUserState) => {
  const alive = eb("users.deleted_at", "is", null);
  const unsuspended = eb("users.suspended_at", "is", null);
  switch (state) {
    case "deleted":
      return eb("users.deleted_at", "is not", null);
    case "suspended":
      return eb.and([alive, eb("users.suspended_at", "is not", null)]);
    case "unverified":
      return eb.and([alive, unsuspended, eb("users.is_verified", "=", false)]);
    case "active":
      return eb.and([alive, unsuspended, eb("users.is_verified", "=", true)]);
  }
};

export function stateOf(row: { deleted_at: Date | null; suspended_at: Date | null; is_verified: boolean }) {
  if (row.deleted_at) return "deleted" as const;
  if (row.suspended_at) return "suspended" as const;
  return row.is_verified ? ("active" as const) : ("unverified" as const);
}

const summaryColumns = [
  "users.id",
  "users.email",
  "users.username",
  "users.role",
  "users.is_verified",
  "users.created_at",
  "users.last_login_at",
  "users.deleted_at",
  "users.suspended_at",
  "user_profiles.display_name",
] as const;

/** `LIKE` takes `%`, `_` and `\` as patterns: someone searching for `a_b` means those characters. */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

export interface UserListFilter {
  q?: string | undefined;
  role?: Role | undefined;
  state?: AdminUserState | undefined;
  limit: number;
  after?: Keyset | undefined;
}

/** Newest accounts first, keyset-paginated on (created_at, id); fetches one row more than a page. */
export async function listUsers(db: Kysely<DB>, filter: UserListFilter) {
  let query = db
    .selectFrom("users")
    .leftJoin("user_profiles", "user_profiles.user_id", "users.id")
    .select(summaryColumns)
    .select(timeKey(sql.ref("users.created_at")).as("created_key"))
    .orderBy("users.created_at", "desc")
    .orderBy("users.id", "desc")
    .limit(filter.limit + 1);
  const { q, role, state, after } = filter;
  if (q) {
    query = query.where((eb) =>
      eb.or([eb("users.email", "ilike", containing(q)), eb("users.username", "ilike", containing(q))]),
    );
  }
  if (role) query = query.where("users.role", "=", role);
  if (state) query = query.where((eb) => inState(eb, state));
  if (after) query = query.where(beforeKeyset(sql.ref("users.created_at"), sql.ref("users.id"), after));
  return query.execute();
}

/** Everything the admin's page about one account shows of its row, deleted accounts included. */
export async function findUserForAdmin(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("users")
    .leftJoin("user_profiles", "user_profiles.user_id", "users.id")
    .select(summaryColumns)
    .select([
      "users.suspension_reason",
      "users.promoted_to_creator_at",
      "users.two_factor_enabled",
      "users.password_reset_required",
      "users.storage_quota_bytes",
      "user_profiles.bio",
      "user_profiles.avatar_key",
      "user_profiles.location",
      "user_profiles.links",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}

/**
 * The account's row, locked until the transaction ends: every admin change to an account
 * reads and writes under this lock, so two of them (or one and the self-service upgrade,
 * whose UPDATE waits for it) never interleave. Deleted accounts are not found. FOR NO KEY
 * UPDATE, as no key changes: rows being written that refer to the user (a play, a message)
 * take FOR KEY SHARE on it and need not wait for an admin.
 */
export async function lockLiveUser(trx: Kysely<DB>, userId: string) {
  return trx
    .selectFrom("users")
    .select(["id", "email", "role", "is_verified", "suspended_at", "suspension_reason", "storage_quota_bytes"])
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function writeRole(trx: Kysely<DB>, userId: string, role: Role) {
  await updateUser(trx, userId, { role });
}

export async function writeSuspension(trx: Kysely<DB>, userId: string, reason: string | null) {
  await updateUser(trx, userId, {
    suspended_at: reason === null ? null : sql<Date>`now()`,
    suspension_reason: reason,
  });
}

export async function requirePasswordReset(trx: Kysely<DB>, userId: string) {
  await updateUser(trx, userId, { password_reset_required: true });
}

export async function writeStorageQuota(trx: Kysely<DB>, userId: string, bytes: number | null) {
  await updateUser(trx, userId, { storage_quota_bytes: bytes });
}
