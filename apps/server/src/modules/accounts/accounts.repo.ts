import type { Kysely } from "kysely";
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
