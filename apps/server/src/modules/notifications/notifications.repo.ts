import type { NotificationKind } from "@stave/contracts";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";
import { blockedBetween } from "../blocks/index.ts";
import { commentRule, playlistRule, trackRule, type Viewer } from "../visibility/index.ts";

const withActor = (db: Kysely<DB>) =>
  db
    .selectFrom("notifications as n")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("user_profiles as ap", "ap.user_id", "n.actor_id")
    .selectAll("n")
    .select(["a.username as actor_username", "ap.display_name as actor_display_name"]);

export type NotificationRow = Awaited<ReturnType<ReturnType<typeof withActor>["executeTakeFirstOrThrow"]>>;

/**
 * Blocking someone hides their notifications, those from before the block too (as it hides
 * their comments), and brings them back on unblocking: checked when read, either way round.
 * `n` is notifications.
 */
const actorNotBlocked = sql<boolean>`NOT ${blockedBetween(sql.ref("n.user_id"), sql.ref("n.actor_id"))}`;

/**
 * The kinds that tell of a moderation decision, not of the content: kept whatever the content
 * became (a reporter must hear that what they reported was taken down, which hides it from
 * them). Their text was written for the recipient when the decision was made: a reporter's
 * names no title of content that was private by then (reports.service.ts).
 */
const DECISION_KINDS = ["report_resolved", "content_taken_down", "content_restored"] as const;

/** What a notification says it is about: columns of `n`, or the values of one being made. */
export interface NotificationSubject {
  kind: RawBuilder<unknown>;
  subjectType: RawBuilder<unknown>;
  subjectId: RawBuilder<unknown>;
  /** The comment a `comment` notification tells of (`data.commentId`). */
  commentId: RawBuilder<unknown>;
}

const columnsOfN: NotificationSubject = {
  kind: sql.ref("n.kind"),
  subjectType: sql.ref("n.subject_type"),
  subjectId: sql.ref("n.subject_id"),
  commentId: sql`n.data ->> 'commentId'`,
};

/**
 * Whether the notification tells of a track, playlist or comment its recipient may no longer
 * see (the visibility module's rules): one that turned private or was taken down since. Such a
 * notification is hidden, not deleted: checked when read, it comes back if the content does,
 * as with blocks. Something deleted since stays (its text was written when it was visible, and
 * it links to a page that answers 404). The recipient is a viewer without staff powers: a
 * notification is a reading list, and no role lists more (rules.ts).
 * The CASEs keep the uuid casts to rows of the subject's own type; IS NOT TRUE hides what a
 * rule cannot decide (a NULL column), closed by default.
 */
export function subjectHiddenFrom(recipientId: string, n: NotificationSubject = columnsOfN): RawBuilder<boolean> {
  const viewer: Viewer = { userId: recipientId };
  const text = (value: RawBuilder<unknown>) => sql`CAST(${value} AS text)`;
  const subjectId = sql`CAST(${text(n.subjectId)} AS uuid)`;
  const hiddenComment = (id: RawBuilder<unknown>) => sql`EXISTS (
    SELECT 1 FROM track_comments c JOIN tracks t ON t.id = c.track_id
     WHERE c.id = ${id} AND (${commentRule.sql(viewer)}) IS NOT TRUE)`;
  return sql<boolean>`(${text(n.kind)} NOT IN (${sql.join(DECISION_KINDS.map((kind) => sql.lit(kind)))}) AND (
    CASE ${text(n.subjectType)}
      WHEN 'track' THEN EXISTS (SELECT 1 FROM tracks t WHERE t.id = ${subjectId} AND (${trackRule.sql(viewer)}) IS NOT TRUE)
      WHEN 'playlist' THEN EXISTS (
        SELECT 1 FROM playlists p WHERE p.id = ${subjectId} AND (${playlistRule.sql(viewer)}) IS NOT TRUE)
      WHEN 'comment' THEN ${hiddenComment(subjectId)}
      ELSE false
    END
    OR CASE WHEN ${text(n.commentId)} IS NULL THEN false
      ELSE ${hiddenComment(sql`CAST(${text(n.commentId)} AS uuid)`)} END))`;
}

/** A notification as its recipient may read it now (the live event of a new one). */
export const findNotificationFor = (db: Kysely<DB>, id: string, userId: string) =>
  withActor(db)
    .where("n.id", "=", id)
    .where("n.user_id", "=", userId)
    .where(actorNotBlocked)
    .where(sql<boolean>`NOT ${subjectHiddenFrom(userId)}`)
    .executeTakeFirst();

export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  options: { limit: number; unreadOnly: boolean; after?: Keyset | undefined },
) {
  let query = withActor(db)
    // The cursor's key, to the microsecond (a JavaScript Date would round it to the millisecond).
    .select(timeKey(sql.ref<Date>("n.created_at")).as("created_key"))
    .where("n.user_id", "=", userId)
    .where(actorNotBlocked)
    .where(sql<boolean>`NOT ${subjectHiddenFrom(userId)}`)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(options.limit + 1);
  if (options.unreadOnly) query = query.where("n.read_at", "is", null);
  const { after } = options;
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("n.created_at"), sql.ref<string>("n.id"), after));
  return query.execute();
}

export async function countUnreadNotifications(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications as n")
    .select((eb) => eb.fn.countAll<number>().as("unread"))
    .where("n.user_id", "=", userId)
    .where("n.read_at", "is", null)
    .where(actorNotBlocked)
    .where(sql<boolean>`NOT ${subjectHiddenFrom(userId)}`)
    .executeTakeFirst();
  return Number(row?.unread ?? 0);
}

export async function markNotificationsRead(db: Kysely<DB>, userId: string, ids: string[] | undefined) {
  let query = db
    .updateTable("notifications")
    .set({ read_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids) query = query.where("id", "in", ids);
  await query.execute();
}

/** The kinds a user has chosen to receive by email (the column only ever holds validated kinds). */
export async function emailKindsOf(db: Kysely<DB>, userId: string): Promise<NotificationKind[]> {
  const row = await db
    .selectFrom("notification_settings")
    .select("email_kinds")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return (row?.email_kinds ?? []) as NotificationKind[];
}

export async function saveEmailKinds(db: Kysely<DB>, userId: string, kinds: string[]) {
  await db
    .insertInto("notification_settings")
    .values({ user_id: userId, email_kinds: kinds })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ email_kinds: kinds, updated_at: sql<Date>`now()` }))
    .execute();
}
