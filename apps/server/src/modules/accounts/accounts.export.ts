import { EXPORT_FORMAT_VERSION } from "@stave/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { exporter, isoTime, isoTimeOrNull } from "../../platform/personal-data/exporter.ts";

/** The account as the manifest names it. */
export async function exportedAccount(db: Kysely<DB>, userId: string): Promise<{ id: string; username: string }> {
  return db.selectFrom("users").select(["id", "username"]).where("id", "=", userId).executeTakeFirstOrThrow();
}

/** `account.json`: the account, never its password hash or two-factor secret. */
export const accountExporter = exporter({
  file: "account.json",
  recordType: "account",
  format: "json",
  single: true,
  async *records(userId, { db }) {
    const user = await db
      .selectFrom("users")
      .select([
        "email",
        "role",
        "is_verified",
        "verified_at",
        "promoted_to_creator_at",
        "two_factor_enabled",
        "created_at",
      ])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    yield {
      formatVersion: EXPORT_FORMAT_VERSION,
      email: user.email,
      role: user.role,
      emailVerified: user.is_verified,
      verifiedAt: isoTimeOrNull(user.verified_at),
      promotedToCreatorAt: isoTimeOrNull(user.promoted_to_creator_at),
      twoFactorEnabled: user.two_factor_enabled,
      createdAt: isoTime(user.created_at),
    };
  },
});

/** `profile.json`: the public profile. */
export const profileExporter = exporter({
  file: "profile.json",
  recordType: "profile",
  format: "json",
  single: true,
  async *records(userId, { db }) {
    const profile = await db
      .selectFrom("users")
      .leftJoin("user_profiles", "user_profiles.user_id", "users.id")
      .select([
        "users.username",
        "user_profiles.display_name",
        "user_profiles.bio",
        "user_profiles.location",
        "user_profiles.links",
      ])
      .where("users.id", "=", userId)
      .executeTakeFirstOrThrow();
    yield {
      formatVersion: EXPORT_FORMAT_VERSION,
      username: profile.username,
      displayName: profile.display_name,
      bio: profile.bio,
      location: profile.location,
      links: profile.links,
    };
  },
});
