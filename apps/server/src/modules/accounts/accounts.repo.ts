import type { Me, UpdateProfileRequest } from "@stave/contracts";
import { type Kysely, sql, type UpdateObject } from "kysely";
import type { Database } from "../../platform/db/database.ts";
import type { DB, Role } from "../../platform/db/schema.ts";

export interface NewUser {
  email: string;
  username: string;
  passwordHash: string;
  role: Role;
  isVerified: boolean;
}

/** Inserts the user and their empty profile; returns the user's id. */
export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<string> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email,
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      is_verified: user.isVerified,
      verified_at: user.isVerified ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("user_profiles")
    .values({ user_id: row.id, links: JSON.stringify([]) })
    .execute();
  return row.id;
}

export async function findUserByEmailOrUsername(db: Kysely<DB>, email: string, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "username"])
    .where((eb) => eb.or([eb("email", "=", email), eb("username", "=", username)]))
    .executeTakeFirst();
}

const activeUsers = (db: Kysely<DB>) => db.selectFrom("users").where("deleted_at", "is", null);

/** users.username's rule: a name outside it is nobody's, and never reaches SQL. */
const POSSIBLE_USERNAME = /^[a-z0-9_.-]{3,30}$/;

/** An active account's id by its username (stored lower-case), or undefined. */
export async function findUserIdByUsername(db: Kysely<DB>, username: string): Promise<string | undefined> {
  const name = username.toLowerCase();
  if (!POSSIBLE_USERNAME.test(name)) return undefined;
  const row = await activeUsers(db).select("id").where("username", "=", name).executeTakeFirst();
  return row?.id;
}

/**
 * The account a public page (`/users/:username/…`) is about. A signed-in caller may open
 * their own page right after signing up, before the replica has their account: the primary
 * is asked before answering 404.
 */
export async function findPageOwnerId(database: Database, username: string, signedIn: boolean) {
  return (
    (await findUserIdByUsername(database.forRead(), username)) ??
    (signedIn ? await findUserIdByUsername(database.primary, username) : undefined)
  );
}

/** What sign-in and 2FA need: the secrets included, so never sent to a client as is. */
export async function findCredentialsByLogin(db: Kysely<DB>, login: string) {
  const byEmail = login.includes("@");
  return activeUsers(db)
    .selectAll()
    .where(byEmail ? "email" : "username", "=", byEmail ? login : login.toLowerCase())
    .executeTakeFirst();
}

export async function findCredentialsById(db: Kysely<DB>, userId: string) {
  return activeUsers(db).selectAll().where("id", "=", userId).executeTakeFirst();
}

/**
 * The account's credential columns, its row locked until the transaction ends. Everything
 * that revokes every sign-in (password change or reset, two-factor off, suspension) updates
 * this row, so it waits for a holder of this lock, and a holder reads what they committed:
 * a token minted under the lock either sees the new credentials or is revoked by the change.
 * FOR NO KEY UPDATE, as no key changes (rows referring to the user need not wait).
 */
export async function lockCredentials(trx: Kysely<DB>, userId: string) {
  return activeUsers(trx)
    .select(["id", "role", "password_hash", "two_factor_enabled", "two_factor_secret", "suspended_at"])
    .where("id", "=", userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return activeUsers(db).select(["id", "email", "is_verified"]).where("email", "=", email).executeTakeFirst();
}

export async function findMe(db: Kysely<DB>, userId: string): Promise<Me | undefined> {
  const row = await activeUsers(db)
    .innerJoin("user_profiles", "user_profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.email",
      "users.username",
      "users.role",
      "users.is_verified",
      "users.promoted_to_creator_at",
      "users.two_factor_enabled",
      "users.created_at",
      "user_profiles.display_name",
      "user_profiles.bio",
      "user_profiles.avatar_key",
      "user_profiles.location",
      "user_profiles.links",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    role: row.role,
    isVerified: row.is_verified,
    promotedToCreatorAt: row.promoted_to_creator_at?.toISOString() ?? null,
    twoFactorEnabled: row.two_factor_enabled,
    createdAt: new Date(row.created_at).toISOString(),
    profile: {
      displayName: row.display_name,
      bio: row.bio,
      avatarUrl: row.avatar_key ? `/api/v1/users/${row.username}/avatar` : null,
      location: row.location,
      links: row.links,
    },
  };
}

export async function updateProfile(db: Kysely<DB>, userId: string, changes: UpdateProfileRequest) {
  await db
    .updateTable("user_profiles")
    .set({
      ...(changes.displayName !== undefined && { display_name: changes.displayName || null }),
      ...(changes.bio !== undefined && { bio: changes.bio || null }),
      ...(changes.location !== undefined && { location: changes.location || null }),
      ...(changes.links !== undefined && { links: JSON.stringify(changes.links) }),
      updated_at: sql<Date>`now()`,
    })
    .where("user_id", "=", userId)
    .execute();
}

/** Changes columns of one user's row, stamping updated_at. */
export async function updateUser(db: Kysely<DB>, userId: string, changes: UpdateObject<DB, "users">) {
  await db
    .updateTable("users")
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where("id", "=", userId)
    .execute();
}

export async function markVerified(db: Kysely<DB>, userId: string) {
  await updateUser(db, userId, { is_verified: true, verified_at: sql<Date>`coalesce(verified_at, now())` });
}

/** A new password also satisfies an admin's forced reset: that asked for exactly this. */
export async function setPasswordHash(db: Kysely<DB>, userId: string, passwordHash: string) {
  await updateUser(db, userId, { password_hash: passwordHash, password_reset_required: false });
}

export async function recordLogin(db: Kysely<DB>, userId: string) {
  await db.updateTable("users").set({ last_login_at: sql<Date>`now()` }).where("id", "=", userId).execute();
}

export interface TwoFactorColumns {
  two_factor_enabled?: boolean;
  two_factor_secret?: string | null;
  two_factor_pending_secret?: string | null;
  two_factor_last_step?: number | null;
  backup_codes?: string[];
}

export async function updateTwoFactor(db: Kysely<DB>, userId: string, columns: TwoFactorColumns) {
  await updateUser(db, userId, columns);
}

/**
 * Records an accepted TOTP step only if it is newer than the last one, so a code is
 * accepted once even when two requests race with it. False means a replay.
 */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ two_factor_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("two_factor_last_step", "is", null), eb("two_factor_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes one backup code if still present; false when it was already used. */
export async function consumeBackupCode(db: Kysely<DB>, userId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ backup_codes: sql<string[]>`array_remove(backup_codes, ${codeHash})` })
    .where("id", "=", userId)
    .where(sql<boolean>`${codeHash} = ANY(backup_codes)`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Flips a listener to creator, one way only: scoped `WHERE role = 'user'` so a concurrent admin
 * assignment is never overwritten. Undefined when no row changed.
 */
export async function promoteUserToCreator(db: Kysely<DB>, userId: string) {
  return db
    .updateTable("users")
    .set({ role: "creator", promoted_to_creator_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where("id", "=", userId)
    .where("role", "=", "user")
    .where("is_verified", "=", true)
    .returning(["role", "promoted_to_creator_at"])
    .executeTakeFirst();
}

/** An account by email or username (what an operator types), not deleted. */
export async function findUserIdByLogin(db: Kysely<DB>, login: string): Promise<string | undefined> {
  const name = login.trim().toLowerCase();
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(name.includes("@") ? "email" : "username", "=", name)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.id;
}

/** Where to mail an account: its address, or undefined once it is deleted. */
export async function findMailAddress(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.email;
}

/** The name a user is shown by: their display name, else their username; null for no such user. */
export async function findShownName(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .leftJoin("user_profiles", "user_profiles.user_id", "users.id")
    .select(["users.username", "user_profiles.display_name"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  return row ? (row.display_name ?? row.username) : null;
}
