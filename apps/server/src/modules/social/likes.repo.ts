import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import { playlistRule, trackRule, type Viewer } from "../visibility/index.ts";
import { trackSummaryColumns, viewerTrackFlags } from "./social.columns.ts";

/** True when this call made the like (false: it was there already). */
export async function insertTrackLike(trx: Transaction<DB>, trackId: string, userId: string): Promise<boolean> {
  const row = await trx
    .insertInto("track_likes")
    .values({ track_id: trackId, user_id: userId })
    .onConflict((oc) => oc.columns(["track_id", "user_id"]).doNothing())
    .returning("track_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTrackLike(db: Kysely<DB>, trackId: string, userId: string) {
  await db.deleteFrom("track_likes").where("track_id", "=", trackId).where("user_id", "=", userId).execute();
}

export async function insertRepost(trx: Transaction<DB>, trackId: string, userId: string): Promise<boolean> {
  const row = await trx
    .insertInto("track_reposts")
    .values({ track_id: trackId, user_id: userId })
    .onConflict((oc) => oc.columns(["track_id", "user_id"]).doNothing())
    .returning("track_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteRepost(db: Kysely<DB>, trackId: string, userId: string) {
  await db.deleteFrom("track_reposts").where("track_id", "=", trackId).where("user_id", "=", userId).execute();
}

export async function insertPlaylistLike(trx: Transaction<DB>, playlistId: string, userId: string): Promise<boolean> {
  const row = await trx
    .insertInto("playlist_likes")
    .values({ playlist_id: playlistId, user_id: userId })
    .onConflict((oc) => oc.columns(["playlist_id", "user_id"]).doNothing())
    .returning("playlist_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePlaylistLike(db: Kysely<DB>, playlistId: string, userId: string) {
  await db.deleteFrom("playlist_likes").where("playlist_id", "=", playlistId).where("user_id", "=", userId).execute();
}

/** A track's counts and the viewer's flags. */
export async function findTrackSocial(db: Kysely<DB>, trackId: string, viewerId: string | null) {
  return db
    .selectFrom("tracks as t")
    .select(["t.id", "t.like_count", "t.repost_count", "t.comment_count", ...viewerTrackFlags(viewerId)])
    .where("t.id", "=", trackId)
    .executeTakeFirst();
}

export async function findPlaylistSocial(db: Kysely<DB>, playlistId: string, viewerId: string | null) {
  return db
    .selectFrom("playlists as p")
    .select([
      "p.id",
      "p.like_count",
      (viewerId === null
        ? sql<boolean>`false`
        : sql<boolean>`EXISTS (SELECT 1 FROM playlist_likes l WHERE l.playlist_id = p.id AND l.user_id = ${viewerId})`
      ).as("viewer_liked"),
    ])
    .where("p.id", "=", playlistId)
    .executeTakeFirst();
}

export interface ListQuery {
  limit: number;
  after?: Keyset | undefined;
}

/** The tracks the viewer liked and may still see, latest like first, as summaries with counts. */
export async function listLikedTracks(db: Kysely<DB>, viewer: NonNullable<Viewer>, { limit, after }: ListQuery) {
  let query = db
    .selectFrom("track_likes as lk")
    .innerJoin("tracks as t", "t.id", "lk.track_id")
    .innerJoin("users as tu", "tu.id", "t.owner_id")
    .innerJoin("user_profiles as tp", "tp.user_id", "t.owner_id")
    .select([
      ...trackSummaryColumns,
      ...viewerTrackFlags(viewer.userId),
      "lk.created_at as liked_at",
      timeKey(sql.ref<Date>("lk.created_at")).as("liked_key"),
    ])
    .where("lk.user_id", "=", viewer.userId)
    .where(trackRule.sql(viewer))
    .orderBy("lk.created_at", "desc")
    .orderBy("lk.track_id", "desc")
    .limit(limit + 1);
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("lk.created_at"), sql.ref<string>("lk.track_id"), after));
  return query.execute();
}
export type LikedTrackRow = Awaited<ReturnType<typeof listLikedTracks>>[number];

/**
 * The playlists the user liked and may still see (the visibility module's playlist rule),
 * latest like first: ids and like times; the summaries come from the playlists module.
 */
export async function listLikedPlaylists(db: Kysely<DB>, viewer: NonNullable<Viewer>, { limit, after }: ListQuery) {
  let query = db
    .selectFrom("playlist_likes as lk")
    .innerJoin("playlists as p", "p.id", "lk.playlist_id")
    .select([
      "p.id",
      "p.like_count",
      "lk.created_at as liked_at",
      timeKey(sql.ref<Date>("lk.created_at")).as("liked_key"),
    ])
    .where("lk.user_id", "=", viewer.userId)
    .where(playlistRule.sql(viewer))
    .orderBy("lk.created_at", "desc")
    .orderBy("lk.playlist_id", "desc")
    .limit(limit + 1);
  if (after) {
    query = query.where(beforeKeyset(sql.ref<Date>("lk.created_at"), sql.ref<string>("lk.playlist_id"), after));
  }
  return query.execute();
}
