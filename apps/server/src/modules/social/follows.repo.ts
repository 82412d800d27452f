import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, timeKey } from "../../platform/http/cursor.ts";
import { listedTrackRule, profileRule, type Viewer } from "../visibility/index.ts";
import type { ListQuery } from "./likes.repo.ts";

/**
 * An account whose profile the viewer may see (the visibility module's profile rule: not
 * deleted, not suspended unless it is theirs or they are staff); usernames are stored lower-case.
 */
const activeUser = (db: Kysely<DB>, username: string, viewer: Viewer) =>
  db
    .selectFrom("users")
    .where("username", "=", username.toLowerCase())
    .where(profileRule.sql(viewer, { user: "users" }));

export async function findActiveUserId(db: Kysely<DB>, username: string, viewer: Viewer): Promise<string | undefined> {
  return (await activeUser(db, username, viewer).select("id").executeTakeFirst())?.id;
}

/** The user to follow, key-share locked so the account cannot vanish before the follow refers to it. */
export async function lockActiveUser(
  trx: Transaction<DB>,
  username: string,
  viewer: Viewer,
): Promise<string | undefined> {
  return (await activeUser(trx, username, viewer).select("id").forKeyShare().executeTakeFirst())?.id;
}

export async function insertFollow(trx: Transaction<DB>, followerId: string, followeeId: string): Promise<boolean> {
  const row = await trx
    .insertInto("follows")
    .values({ follower_id: followerId, followee_id: followeeId })
    .onConflict((oc) => oc.columns(["follower_id", "followee_id"]).doNothing())
    .returning("followee_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteFollow(db: Kysely<DB>, followerId: string, followeeId: string) {
  await db.deleteFrom("follows").where("follower_id", "=", followerId).where("followee_id", "=", followeeId).execute();
}

/** Ends any follow between the two, either way (a block does this). */
export async function deleteFollowsBetween(db: Kysely<DB>, a: string, b: string) {
  await db
    .deleteFrom("follows")
    .where((eb) =>
      eb.or([
        eb.and([eb("follower_id", "=", a), eb("followee_id", "=", b)]),
        eb.and([eb("follower_id", "=", b), eb("followee_id", "=", a)]),
      ]),
    )
    .execute();
}

/** A user's profile as the viewer may see it, with their counts (publicly listed tracks only). */
export async function findProfile(db: Kysely<DB>, username: string, viewer: Viewer) {
  return db
    .selectFrom("users as u")
    .leftJoin("user_profiles as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.username",
      "u.role",
      "u.created_at",
      "u.follower_count",
      "u.following_count",
      "p.display_name",
      "p.bio",
      "p.location",
      "p.avatar_key",
      sql<number>`(SELECT count(*) FROM tracks t
         WHERE t.owner_id = u.id AND ${listedTrackRule.sql(null)})::int`.as("track_count"),
    ])
    .where("u.username", "=", username.toLowerCase())
    .where(profileRule.sql(viewer))
    .executeTakeFirst();
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

/** Whether the viewer follows the user, and the user the viewer. */
export async function followFlags(db: Kysely<DB>, viewerId: string, userId: string) {
  const rows = await db
    .selectFrom("follows")
    .select(["follower_id"])
    .where((eb) =>
      eb.or([
        eb.and([eb("follower_id", "=", viewerId), eb("followee_id", "=", userId)]),
        eb.and([eb("follower_id", "=", userId), eb("followee_id", "=", viewerId)]),
      ]),
    )
    .execute();
  return {
    following: rows.some((row) => row.follower_id === viewerId),
    followsYou: rows.some((row) => row.follower_id === userId),
  };
}

/**
 * A user's followers (`direction: "followers"`) or the users they follow, latest follow
 * first, with whether the viewer follows each. Only profiles anyone may see are listed
 * (deleted and suspended accounts are left out: a list shows no staff power).
 */
export async function listFollows(
  db: Kysely<DB>,
  userId: string,
  direction: "followers" | "following",
  viewerId: string | null,
  { limit, after }: ListQuery,
) {
  const [self, other] =
    direction === "followers"
      ? (["f.followee_id", "f.follower_id"] as const)
      : (["f.follower_id", "f.followee_id"] as const);
  let query = db
    .selectFrom("follows as f")
    .innerJoin("users as u", "u.id", other)
    .leftJoin("user_profiles as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.username",
      "u.follower_count",
      "p.display_name",
      "f.created_at as followed_at",
      timeKey(sql.ref<Date>("f.created_at")).as("followed_key"),
      (viewerId === null
        ? sql<boolean>`false`
        : sql<boolean>`EXISTS (SELECT 1 FROM follows v WHERE v.follower_id = ${viewerId} AND v.followee_id = u.id)`
      ).as("viewer_following"),
    ])
    .where(self, "=", userId)
    .where(profileRule.sql(null))
    .orderBy("f.created_at", "desc")
    .orderBy(other, "desc")
    .limit(limit + 1);
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("f.created_at"), sql.ref<string>(other), after));
  return query.execute();
}

/**
 * The next followers of `followeeId` to tell of a new track, in (followed at, id) order after
 * `after` (a microsecond time key and an id).
 */
export async function nextFollowers(
  db: Kysely<DB>,
  followeeId: string,
  after: { at: string; id: string } | null,
  limit: number,
) {
  let query = db
    .selectFrom("follows as f")
    .innerJoin("users as u", "u.id", "f.follower_id")
    .select([
      "f.follower_id",
      timeKey(sql.ref<Date>("f.created_at")).as("followed_key"),
      sql<boolean>`u.deleted_at IS NULL`.as("active"),
    ])
    .where("f.followee_id", "=", followeeId)
    .orderBy("f.created_at")
    .orderBy("f.follower_id")
    .limit(limit);
  if (after) {
    query = query.where(sql<boolean>`(f.created_at, f.follower_id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  return query.execute();
}
