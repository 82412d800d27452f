import { sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/**
 * The takedown columns of tracks, comments and playlists (0012_admin.sql). Each change locks
 * its row first, so two moderators acting at once apply one after the other. FOR NO KEY
 * UPDATE, as no key changes: rows being written that refer to this one (a play, a like, a
 * comment) take FOR KEY SHARE on it and need not wait for a moderator.
 */

export async function lockTrack(trx: Transaction<DB>, id: string) {
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

export async function lockComment(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("track_comments")
    .select(["id", "author_id as owner_id", "track_id", "taken_down_at", "takedown_reason"])
    .where("id", "=", id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/**
 * Hides or shows a comment. tracks.comment_count is left alone: the triggers of 0010 keep it
 * on insert and delete only, and a count adjusted here would go wrong when a taken-down
 * comment is later deleted (by its author, or with its track or account). It already counts
 * comments some viewers are not shown (blocked authors), and a number reveals no content.
 */
export async function setCommentTakedown(trx: Transaction<DB>, id: string, reason: string | null) {
  await trx
    .updateTable("track_comments")
    .set({ taken_down_at: reason === null ? null : sql<Date>`now()`, takedown_reason: reason })
    .where("id", "=", id)
    .execute();
}

export async function lockPlaylist(trx: Transaction<DB>, id: string) {
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
