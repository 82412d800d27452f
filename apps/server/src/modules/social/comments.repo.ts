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
