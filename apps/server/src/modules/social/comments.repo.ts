import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, timeKey } from "../../platform/http/cursor.ts";
import { listedCommentRule, type Viewer } from "../visibility/index.ts";
import type { ListQuery } from "./likes.repo.ts";

const withAuthor = (db: Kysely<DB>) =>
  db
    .selectFrom("track_comments as c")
    .innerJoin("users as u", "u.id", "c.author_id")
    .leftJoin("user_profiles as p", "p.user_id", "c.author_id")
    .innerJoin("tracks as t", "t.id", "c.track_id")
    .select([
      "c.id",
      "c.track_id",
      "c.author_id",
      "c.body",
      "c.timestamp_ms",
      "c.created_at",
      timeKey(sql.ref<Date>("c.created_at")).as("created_key"),
      "u.username as author_username",
      "p.display_name as author_display_name",
      "t.owner_id as track_owner_id",
      "c.taken_down_at",
      "c.takedown_reason",
    ]);

export type CommentRow = Awaited<ReturnType<ReturnType<typeof withAuthor>["executeTakeFirstOrThrow"]>>;

export async function insertComment(
  trx: Transaction<DB>,
  comment: { trackId: string; authorId: string; body: string; timestampMs: number | null },
): Promise<string> {
  const row = await trx
    .insertInto("track_comments")
    .values({
      track_id: comment.trackId,
      author_id: comment.authorId,
      body: comment.body,
      timestamp_ms: comment.timestampMs,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findComment(db: Kysely<DB>, id: string): Promise<CommentRow | undefined> {
  return withAuthor(db).where("c.id", "=", id).executeTakeFirst();
}

export async function deleteComment(db: Kysely<DB>, id: string) {
  await db.deleteFrom("track_comments").where("id", "=", id).execute();
}

/**
 * A track's comments as the viewer reads them, newest first: the visibility module's
 * `listedCommentRule` (none between people who blocked each other; a taken-down one for its
 * author and staff only). A deleted account's comments stay, from its anonymised tombstone
 * ("Deleted user"), as its messages do.
 */
export async function listComments(db: Kysely<DB>, trackId: string, viewer: Viewer, { limit, after }: ListQuery) {
  let query = withAuthor(db)
    .where("c.track_id", "=", trackId)
    .where(listedCommentRule.sql(viewer))
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit + 1);
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("c.created_at"), sql.ref<string>("c.id"), after));
  return query.execute();
}

/** The comment, locked for a moderator's takedown or restore (as `lockTrackForTakedown` in tracks locks a track). */
export async function lockCommentForTakedown(trx: Transaction<DB>, id: string) {
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

/** What a report on the comment needs: its track (whose visibility rule applies), its author and its own takedown. */
export async function findCommentForReport(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("track_comments")
    .select(["id", "track_id", "author_id", "taken_down_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}
