import type { Visibility } from "@stave/contracts";
import { type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { DB, PlaylistsTable } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import type { TrackSummaryRow } from "../tracks/index.ts";
import { trackSummaryColumns } from "../tracks/index.ts";
import {
  listedPlaylistRule,
  playlistRule,
  sharedTrackRule,
  unhiddenTrackRule,
  type Viewer,
} from "../visibility/index.ts";

/**
 * Which tracks of a playlist a viewer gets: the visibility module's `sharedTrackRule` (their
 * own in any state; anyone else's once ready and not private, whatever the viewer's role).
 * `t` is the tracks table.
 */
const trackVisibleTo = (viewerId: string | null) =>
  sharedTrackRule.sql(viewerId === null ? null : { userId: viewerId });

const withOwner = (db: Kysely<DB>) =>
  db
    .selectFrom("playlists as p")
    .innerJoin("users as u", "u.id", "p.owner_id")
    .innerJoin("user_profiles as up", "up.user_id", "p.owner_id")
    .select([
      "p.id",
      "p.owner_id",
      "p.title",
      "p.description",
      "p.visibility",
      "p.created_at",
      "p.updated_at",
      "u.username as owner_username",
      "up.display_name as owner_display_name",
      "p.taken_down_at",
      "p.takedown_reason",
    ]);

export type PlaylistRow = Awaited<ReturnType<ReturnType<typeof withOwner>["executeTakeFirstOrThrow"]>>;

/**
 * Playlists with their owner and, per playlist, what the viewer gets of its tracks: count,
 * length, and the first four with artwork. One statement however many playlists; each
 * aggregate reads only that playlist's rows through the (playlist_id, position) key.
 */
const withStats = (db: Kysely<DB>, viewerId: string | null) => {
  const visible = trackVisibleTo(viewerId);
  return withOwner(db)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("playlist_tracks as pt")
          .innerJoin("tracks as t", "t.id", "pt.track_id")
          .select([
            sql<number>`count(*)::int`.as("track_count"),
            sql<number>`coalesce(sum(t.duration_ms), 0)::bigint`.as("total_duration_ms"),
          ])
          .whereRef("pt.playlist_id", "=", "p.id")
          .where(visible)
          .as("stats"),
      (join) => join.onTrue(),
    )
    .select([
      "stats.track_count",
      "stats.total_duration_ms",
      sql<string[]>`ARRAY(
        SELECT t.id::text
          FROM playlist_tracks pt JOIN tracks t ON t.id = pt.track_id
         WHERE pt.playlist_id = p.id AND t.artwork_prefix IS NOT NULL AND ${visible}
           AND ${unhiddenTrackRule.sql(null)}
         ORDER BY pt.position
         LIMIT 4
      )`.as("artwork_track_ids"),
    ]);
};

export type PlaylistSummaryRow = Awaited<ReturnType<ReturnType<typeof withStats>["executeTakeFirstOrThrow"]>>;

export async function findPlaylist(db: Kysely<DB>, id: string): Promise<PlaylistRow | undefined> {
  return withOwner(db).where("p.id", "=", id).executeTakeFirst();
}

/** The summaries of those of `ids` the viewer may see, in no particular order. */
export async function findPlaylistSummaries(
  db: Kysely<DB>,
  ids: readonly string[],
  viewer: Viewer,
): Promise<PlaylistSummaryRow[]> {
  if (ids.length === 0) return [];
  return withStats(db, viewer?.userId ?? null)
    .where("p.id", "in", [...new Set(ids)])
    .where(playlistRule.sql(viewer))
    .execute();
}

export interface PlaylistListQuery {
  limit: number;
  after?: Keyset | undefined;
}

/** An owner's playlists, newest first (limit + 1 rows): all, or only the public ones not taken down. */
export async function listPlaylistsByOwner(
  db: Kysely<DB>,
  ownerId: string,
  viewerId: string | null,
  { limit, after }: PlaylistListQuery,
  { everything }: { everything: boolean },
) {
  let query = withStats(db, viewerId)
    .select(timeKey(sql.ref<Date>("p.created_at")).as("created_key"))
    .where("p.owner_id", "=", ownerId)
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .limit(limit + 1);
  if (!everything) query = query.where(listedPlaylistRule.sql(null));
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("p.created_at"), sql.ref<string>("p.id"), after));
  return query.execute();
}

/** The tracks of a playlist the viewer gets, in play order, with what a track summary needs (no waveform). */
export async function listVisiblePlaylistTracks(
  db: Kysely<DB>,
  playlistId: string,
  viewerId: string | null,
): Promise<TrackSummaryRow[]> {
  return db
    .selectFrom("playlist_tracks as pt")
    .innerJoin("tracks as t", "t.id", "pt.track_id")
    .innerJoin("users as tu", "tu.id", "t.owner_id")
    .innerJoin("user_profiles as tp", "tp.user_id", "t.owner_id")
    .select(trackSummaryColumns)
    .where("pt.playlist_id", "=", playlistId)
    .where(trackVisibleTo(viewerId))
    .orderBy("pt.position")
    .execute();
}

export interface NewPlaylist {
  ownerId: string;
  title: string;
  description: string | null;
  visibility: Visibility;
}

export async function insertPlaylist(db: Kysely<DB>, playlist: NewPlaylist): Promise<string> {
  const row = await db
    .insertInto("playlists")
    .values({
      owner_id: playlist.ownerId,
      title: playlist.title,
      description: playlist.description,
      visibility: playlist.visibility,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Locks the playlist row for the rest of the transaction if `ownerId` owns it: every change
 * to its tracks goes through here, so they apply one after another. NO KEY UPDATE leaves
 * the key-share locks of foreign keys (inserting its track rows) free.
 */
export async function lockOwnedPlaylist(trx: Transaction<DB>, id: string, ownerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("playlists")
    .select("id")
    .where("id", "=", id)
    .where("owner_id", "=", ownerId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export interface PlaylistChanges {
  title?: string | undefined;
  description?: string | null | undefined;
  visibility?: Visibility | undefined;
}

/** Applies the changes if `ownerId` owns the playlist; false when they do not (or it is gone). */
export async function updateOwnedPlaylist(
  db: Kysely<DB>,
  id: string,
  ownerId: string,
  changes: PlaylistChanges,
): Promise<boolean> {
  const columns: Updateable<PlaylistsTable> = {
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.description !== undefined && { description: changes.description }),
    ...(changes.visibility !== undefined && { visibility: changes.visibility }),
  };
  if (Object.keys(columns).length === 0) {
    const row = await db
      .selectFrom("playlists")
      .select("id")
      .where("id", "=", id)
      .where("owner_id", "=", ownerId)
      .executeTakeFirst();
    return row !== undefined;
  }
  const result = await db
    .updateTable("playlists")
    .set({ ...columns, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchPlaylist(trx: Transaction<DB>, id: string) {
  await trx.updateTable("playlists").set({ updated_at: sql<Date>`now()` }).where("id", "=", id).execute();
}

export async function deleteOwnedPlaylist(db: Kysely<DB>, id: string, ownerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("playlists")
    .where("id", "=", id)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Whether the viewer may see the track, holding a key-share lock on it until the transaction
 * ends, so it cannot be deleted between this check and adding it.
 */
export async function lockTrackVisibleTo(trx: Transaction<DB>, trackId: string, viewerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("tracks as t")
    .select("t.id")
    .where("t.id", "=", trackId)
    .where(trackVisibleTo(viewerId))
    .forKeyShare()
    .executeTakeFirst();
  return row !== undefined;
}

export async function countAndLastPosition(trx: Transaction<DB>, playlistId: string) {
  const row = await trx
    .selectFrom("playlist_tracks")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max<number | null>("position").as("last")])
    .where("playlist_id", "=", playlistId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last };
}

/** False when the track is already in the playlist. */
export async function insertPlaylistTrack(
  trx: Transaction<DB>,
  playlistId: string,
  trackId: string,
  position: number,
): Promise<boolean> {
  const row = await trx
    .insertInto("playlist_tracks")
    .values({ playlist_id: playlistId, track_id: trackId, position })
    .onConflict((conflict) => conflict.columns(["playlist_id", "track_id"]).doNothing())
    .returning("track_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePlaylistTrack(trx: Transaction<DB>, playlistId: string, trackId: string) {
  const result = await trx
    .deleteFrom("playlist_tracks")
    .where("playlist_id", "=", playlistId)
    .where("track_id", "=", trackId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every track of the playlist in play order, and whether the viewer gets it. */
export async function listPlaylistEntries(trx: Transaction<DB>, playlistId: string, viewerId: string) {
  return trx
    .selectFrom("playlist_tracks as pt")
    .innerJoin("tracks as t", "t.id", "pt.track_id")
    .select(["pt.track_id", trackVisibleTo(viewerId).as("visible")])
    .where("pt.playlist_id", "=", playlistId)
    .orderBy("pt.position")
    .execute();
}

/** Renumbers the playlist 0..n-1 in the given order, in one statement (positions are checked at its end). */
export async function setPlaylistOrder(trx: Transaction<DB>, playlistId: string, trackIds: readonly string[]) {
  if (trackIds.length === 0) return;
  await sql`
    UPDATE playlist_tracks pt
       SET position = o.ordinality - 1
      FROM unnest(${[...trackIds]}::uuid[]) WITH ORDINALITY AS o (track_id, ordinality)
     WHERE pt.playlist_id = ${playlistId} AND pt.track_id = o.track_id`.execute(trx);
}

/** The playlist, locked as `lockTrackForReference` (tracks) locks a track: it cannot be deleted before what refers to it. */
export async function lockPlaylistForReference(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("playlists")
    .select(["id", "owner_id", "visibility", "title", "taken_down_at"])
    .where("id", "=", id)
    .forKeyShare()
    .executeTakeFirst();
}

export async function findPlaylistAccess(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("playlists")
    .select(["id", "owner_id", "visibility", "taken_down_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The playlist, locked for a moderator's takedown or restore (as `lockTrackForTakedown` in tracks locks a track). */
export async function lockPlaylistForTakedown(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("playlists")
    .select(["id", "owner_id", "title", "taken_down_at", "takedown_reason"])
    .where("id", "=", id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function setPlaylistTakedown(trx: Transaction<DB>, id: string, reason: string | null) {
  await trx
    .updateTable("playlists")
    .set({ taken_down_at: reason === null ? null : sql<Date>`now()`, takedown_reason: reason })
    .where("id", "=", id)
    .execute();
}
