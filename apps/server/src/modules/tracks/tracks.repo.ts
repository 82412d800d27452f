import type { UpdateTrackRequest } from "@stave/contracts";
import { type Kysely, type SelectQueryBuilder, sql, type Transaction, type Updateable } from "kysely";
import type { DB, TracksTable } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import { noLiveJobFor } from "../../platform/jobs/index.ts";
import { listedTrackRule } from "../visibility/index.ts";

export interface NewTrack {
  id: string;
  ownerId: string;
  title: string;
  slug: string;
  description: string | null;
  genre: string | null;
  tags: string[];
  visibility: "public" | "unlisted" | "private";
  downloadable: boolean;
  license: string | null;
  releaseDate: string | null;
  originalKey: string;
  originalFormat: string;
  originalSize: number;
  originalFilename: string | null;
  artworkSourceKey: string | null;
  artist: string | null;
  album: string | null;
}

export async function insertTrack(db: Kysely<DB>, track: NewTrack) {
  await db
    .insertInto("tracks")
    .values({
      id: track.id,
      owner_id: track.ownerId,
      title: track.title,
      slug: track.slug,
      description: track.description,
      genre: track.genre,
      tags: track.tags,
      visibility: track.visibility,
      downloadable: track.downloadable,
      license: track.license,
      release_date: track.releaseDate,
      original_key: track.originalKey,
      original_format: track.originalFormat,
      original_size: track.originalSize,
      original_filename: track.originalFilename,
      artwork_source_key: track.artworkSourceKey,
      artist: track.artist,
      album: track.album,
      waveform: null,
    })
    .execute();
}

/**
 * Serialises picking a slug for one owner until the transaction ends: two uploads (or edits)
 * with one title at once would otherwise both pick the same free slug, and one would fail on
 * the unique index with a 500.
 */
export async function lockOwnerSlugs(trx: Kysely<DB>, ownerId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext('track_slug'), hashtext(${ownerId}))`.execute(trx);
}

/** Slugs of this owner's tracks that start like `base`, to pick a free one. */
export async function slugsLike(db: Kysely<DB>, ownerId: string, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom("tracks")
    .select("slug")
    .where("owner_id", "=", ownerId)
    .where("slug", "like", `${base.replace(/[%_\\]/g, "\\$&")}%`)
    .execute();
  return rows.map((row) => row.slug);
}

/** The sum of the owner's originals, for the storage quota. */
export async function storageUsedBy(db: Kysely<DB>, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom("tracks")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("original_size"), sql<number>`0`).as("used"))
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(row?.used ?? 0);
}

/** The owner's used bytes and their own quota (NULL: the instance default applies), in one round trip. */
/**
 * Bytes a user's originals take, plus what their resumable uploads in flight have reserved
 * (except `exceptUpload`'s own reservation, when that upload is the one being checked).
 */
export async function storageStandingOf(db: Kysely<DB>, ownerId: string, exceptUpload: string | null = null) {
  const result = await sql<{ used: number; reserved: number; override: number | null }>`
    SELECT (SELECT coalesce(sum(original_size), 0) FROM tracks WHERE owner_id = ${ownerId})::bigint AS used,
           (SELECT coalesce(sum(bytes), 0) FROM upload_reservations
             WHERE owner_id = ${ownerId} AND upload_id IS DISTINCT FROM ${exceptUpload})::bigint AS reserved,
           (SELECT storage_quota_bytes FROM users WHERE id = ${ownerId}) AS override`.execute(db);
  const row = result.rows[0];
  return {
    usedBytes: Number(row?.used ?? 0) + Number(row?.reserved ?? 0),
    reservedBytes: Number(row?.reserved ?? 0),
    overrideBytes: row?.override ?? null,
  };
}

const withOwner = (db: Kysely<DB>) =>
  db
    .selectFrom("tracks")
    .innerJoin("users", "users.id", "tracks.owner_id")
    .innerJoin("user_profiles", "user_profiles.user_id", "tracks.owner_id")
    .selectAll("tracks")
    .select([
      "users.username as owner_username",
      "user_profiles.display_name as owner_display_name",
      "users.suspended_at as owner_suspended_at",
      "users.suspension_reason as owner_suspension_reason",
    ]);

export type TrackRow = Awaited<ReturnType<ReturnType<typeof withOwner>["executeTakeFirstOrThrow"]>>;

export async function findTrack(db: Kysely<DB>, id: string): Promise<TrackRow | undefined> {
  return withOwner(db).where("tracks.id", "=", id).executeTakeFirst();
}

export interface TrackListQuery {
  limit: number;
  after?: Keyset | undefined;
}

type TrackQuery = SelectQueryBuilder<DB, "tracks" | "users" | "user_profiles", TrackRow>;

async function page(query: TrackQuery, { limit, after }: TrackListQuery) {
  let paged = query
    .select(timeKey(sql.ref<Date>("tracks.created_at")).as("created_key"))
    .orderBy("tracks.created_at", "desc")
    .orderBy("tracks.id", "desc")
    .limit(limit + 1);
  if (after) paged = paged.where(beforeKeyset(sql.ref<Date>("tracks.created_at"), sql.ref<string>("tracks.id"), after));
  return paged.execute();
}

/** The visibility module's "publicly listed", over this module's unaliased `tracks`. */
const listed = listedTrackRule.sql(null, { track: "tracks" });

export const listPublicTracks = (db: Kysely<DB>, query: TrackListQuery) => page(withOwner(db).where(listed), query);

export const listTracksByOwner = (
  db: Kysely<DB>,
  ownerId: string,
  query: TrackListQuery,
  { everything }: { everything: boolean },
) => {
  let scoped = withOwner(db).where("tracks.owner_id", "=", ownerId);
  if (!everything) scoped = scoped.where(listed);
  return page(scoped, query);
};

export async function updateTrackFields(db: Kysely<DB>, id: string, changes: UpdateTrackRequest & { slug?: string }) {
  const columns: Updateable<TracksTable> = {
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.slug !== undefined && { slug: changes.slug }),
    ...(changes.description !== undefined && { description: changes.description }),
    ...(changes.genre !== undefined && { genre: changes.genre }),
    ...(changes.tags !== undefined && { tags: changes.tags }),
    ...(changes.visibility !== undefined && { visibility: changes.visibility }),
    ...(changes.downloadable !== undefined && { downloadable: changes.downloadable }),
    ...(changes.license !== undefined && { license: changes.license }),
    ...(changes.releaseDate !== undefined && { release_date: changes.releaseDate }),
  };
  await db
    .updateTable("tracks")
    .set({ ...columns, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .execute();
}

export async function deleteTrackRow(db: Kysely<DB>, id: string) {
  await db.deleteFrom("tracks").where("id", "=", id).execute();
}

export const TRACK_STATUS_CHANNEL = "track_status";

/**
 * What a processed track becomes: 'ready', or 'hidden' (processed, shown to nobody but its owner)
 * when a moderator took it down or its owner is suspended. The takedown is read from the row the
 * update locks; the suspension from the owner's row, locked first by `lockOwnerAgainstSuspension`.
 */
const readyUnlessHidden = sql<"ready" | "hidden">`CASE
  WHEN tracks.taken_down_at IS NOT NULL
    OR EXISTS (SELECT 1 FROM users WHERE users.id = tracks.owner_id AND users.suspended_at IS NOT NULL)
  THEN 'hidden' ELSE 'ready' END`;

/**
 * A suspension locks the owner's row while it hides their ready tracks: holding a share lock on
 * it here, a track being published either waits for that suspension and sees it, or is
 * published first and then hidden by it. Never 'ready' for a suspended owner in between.
 */
async function lockOwnerAgainstSuspension(trx: Kysely<DB>, trackId: string) {
  await trx
    .selectFrom("users")
    .select("users.id")
    .where("users.id", "=", (eb) => eb.selectFrom("tracks").select("tracks.owner_id").where("tracks.id", "=", trackId))
    .forShare()
    .execute();
}

/** Sets status/progress and tells every listening process (SSE) in the same statement's transaction. */
export async function setProcessingState(
  db: Kysely<DB>,
  id: string,
  state: {
    status: "uploaded" | "processing" | "ready" | "failed";
    progress: number;
    failureReason?: string | null;
  } & Partial<{
    hls_prefix: string;
    artwork_prefix: string | null;
    duration_ms: number;
    loudness_lufs: number;
    true_peak_dbtp: number;
    waveform: number[];
  }>,
  /** More to do in the same transaction (telling the owner how it went). */
  alongside?: (trx: Kysely<DB>) => Promise<void>,
) {
  const { status, progress, failureReason, waveform, ...published } = state;
  await db.transaction().execute(async (trx) => {
    if (status === "ready") await lockOwnerAgainstSuspension(trx, id);
    const written = await trx
      .updateTable("tracks")
      .set({
        ...published,
        ...(waveform && { waveform: JSON.stringify(waveform) }),
        status: status === "ready" ? readyUnlessHidden : status,
        progress,
        failure_reason: failureReason ?? null,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .returning("status")
      .executeTakeFirst();
    const payload = JSON.stringify({
      trackId: id,
      status: written?.status ?? status,
      progress,
      failureReason: failureReason ?? null,
    });
    await sql`SELECT pg_notify(${TRACK_STATUS_CHANNEL}, ${payload})`.execute(trx);
    await alongside?.(trx);
  });
}

/** Tracks left uploaded/processing with no live job (a job that died with its worker). */
export async function findOrphanedProcessing(db: Kysely<DB>) {
  return db
    .selectFrom("tracks")
    .select(["id", "owner_id", "title"])
    .where("status", "in", ["uploaded", "processing"])
    .where("updated_at", "<", sql<Date>`now() - interval '2 minutes'`)
    .where(noLiveJobFor("tracks.process", "trackId", sql.ref("tracks.id")))
    .execute();
}

/** A suspended owner's processed tracks leave every public read (each asks for 'ready'). */
export async function hideReadyTracksOf(db: Kysely<DB>, ownerId: string): Promise<number> {
  const result = await db
    .updateTable("tracks")
    .set({ status: "hidden", updated_at: sql<Date>`now()` })
    .where("owner_id", "=", ownerId)
    .where("status", "=", "ready")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Back after a suspension, except what a moderator took down: a takedown outlives it. */
export async function showHiddenTracksOf(db: Kysely<DB>, ownerId: string): Promise<number> {
  const result = await db
    .updateTable("tracks")
    .set({ status: "ready", updated_at: sql<Date>`now()` })
    .where("owner_id", "=", ownerId)
    .where("status", "=", "hidden")
    .where("taken_down_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The owner's most recent tracks, whatever their state, and how many they have in all. */
export async function listRecentTracksOf(db: Kysely<DB>, ownerId: string, limit: number) {
  const [tracks, count] = await Promise.all([
    db
      .selectFrom("tracks")
      .select(["id", "title", "status", "visibility", "original_size", "created_at", "taken_down_at"])
      .where("owner_id", "=", ownerId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("tracks")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("owner_id", "=", ownerId)
      .executeTakeFirstOrThrow(),
  ]);
  return { tracks, count: Number(count.count) };
}

/**
 * The track, with what visibility and notifications need, holding a key-share lock until the
 * transaction ends: it cannot be deleted between the check and the insert that refers to it
 * (likes, reposts, comments). The counting triggers' updates do not conflict with this lock.
 */
export async function lockTrackForReference(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("tracks")
    .select(["id", "owner_id", "status", "visibility", "taken_down_at", "title", "duration_ms"])
    .where("id", "=", id)
    .forKeyShare()
    .executeTakeFirst();
}
export type ReferencedTrack = NonNullable<Awaited<ReturnType<typeof lockTrackForReference>>>;

/** One more counted play (listening decides what counts, in the transaction holding the play's lock). */
export async function incrementPlayCount(db: Kysely<DB>, trackId: string) {
  await db.updateTable("tracks").set({ play_count: sql<number>`play_count + 1` }).where("id", "=", trackId).execute();
}

/**
 * The takedown columns (0012_admin.sql), changed by the moderation module. A change locks
 * the row first, so two moderators acting at once apply one after the other. FOR NO KEY
 * UPDATE, as no key changes: rows being written that refer to this one (a play, a like, a
 * comment) take FOR KEY SHARE on it and need not wait for a moderator.
 */
export async function lockTrackForTakedown(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("tracks")
    .select(["id", "owner_id", "title", "status", "hls_prefix", "taken_down_at", "takedown_reason"])
    .where("id", "=", id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/**
 * Hides a published track (ready → hidden). One not processed yet keeps its status and only
 * gets the columns: the processing job publishes a taken-down track as hidden, never ready.
 */
export async function markTrackTakenDown(
  trx: Transaction<DB>,
  id: string,
  takedown: { reason: string; kind: "policy" | "copyright"; hlsPrefix: string | null },
) {
  await trx
    .updateTable("tracks")
    .set({
      taken_down_at: sql<Date>`now()`,
      takedown_reason: takedown.reason,
      takedown_kind: takedown.kind,
      status: sql<"hidden">`CASE WHEN status = 'ready' THEN 'hidden' ELSE status END`,
      ...(takedown.hlsPrefix !== null && { hls_prefix: takedown.hlsPrefix }),
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

/** Lifts the takedown; a hidden track plays again unless its owner is suspended (that hides it too). */
export async function clearTrackTakedown(trx: Transaction<DB>, id: string) {
  await trx
    .updateTable("tracks")
    .set({
      taken_down_at: null,
      takedown_reason: null,
      takedown_kind: null,
      status: sql<"ready">`CASE
        WHEN status = 'hidden' AND NOT EXISTS (
          SELECT 1 FROM users u WHERE u.id = tracks.owner_id AND u.suspended_at IS NOT NULL
        ) THEN 'ready' ELSE status END`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}
