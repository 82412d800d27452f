import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, type Keyset, timeKey } from "../../platform/http/cursor.ts";

/** The pair as stored: the lower id first, so a conversation between two people is one row. */
export const orderedPair = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

/** Finds or creates the conversation between two users, with a member row for each. */
export async function openConversation(db: Kysely<DB>, a: string, b: string): Promise<string> {
  const [low, high] = orderedPair(a, b);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO conversations (user_low, user_high) VALUES (${low}, ${high})
    ON CONFLICT (user_low, user_high) DO UPDATE SET user_low = excluded.user_low
    RETURNING id`.execute(db);
  const id = (rows[0] as { id: string }).id;
  await db
    .insertInto("conversation_members")
    .values([
      { conversation_id: id, user_id: low },
      { conversation_id: id, user_id: high },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  return id;
}

/** The conversation as `userId` sees it, or undefined when they are not in it. */
export async function findConversationFor(db: Kysely<DB>, conversationId: string, userId: string) {
  return conversationsOf(db, userId).where("c.id", "=", conversationId).executeTakeFirst();
}

/** The other member of conversation `c`, seen from `userId`: a conversation is stored as its pair. */
export const otherMemberId = (userId: string) =>
  sql<string>`CASE WHEN c.user_low = ${userId} THEN c.user_high ELSE c.user_low END`;

/** Messages `userId` can see: not removed from their copy, nor cleared with the conversation. */
const visibleTo = (userId: string) => sql<boolean>`
  m.created_at > cm.cleared_at
  AND NOT EXISTS (SELECT 1 FROM message_hidden h WHERE h.user_id = ${userId} AND h.message_id = m.id)`;

function conversationsOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("conversations as c")
    .innerJoin("conversation_members as cm", (join) =>
      join.onRef("cm.conversation_id", "=", "c.id").on("cm.user_id", "=", userId),
    )
    .innerJoin("users as other", (join) => join.on("other.id", "=", otherMemberId(userId)))
    .leftJoin("user_profiles as op", "op.user_id", "other.id")
    .select([
      "c.id",
      "c.last_message_at",
      "cm.last_read_at",
      "cm.cleared_at",
      "other.id as other_id",
      "other.deleted_at as other_deleted_at",
      "other.username as other_username",
      "op.display_name as other_display_name",
    ])
    .select(() => [
      sql<number>`(
        SELECT count(*)::int FROM messages m
         WHERE m.conversation_id = c.id AND m.created_at > cm.last_read_at
           AND m.sender_id IS DISTINCT FROM ${userId} AND ${visibleTo(userId)}
      )`.as("unread_count"),
      sql<boolean>`EXISTS (
        SELECT 1 FROM user_blocks b
         WHERE (b.blocker_id = ${userId} AND b.blocked_id = other.id)
            OR (b.blocker_id = other.id AND b.blocked_id = ${userId})
      )`.as("blocked"),
      sql<MessageRow | null>`(
        SELECT to_jsonb(last) FROM (
          SELECT m.id, m.conversation_id, m.sender_id, m.body, m.created_at FROM messages m
           WHERE m.conversation_id = c.id AND ${visibleTo(userId)}
           ORDER BY m.created_at DESC, m.id DESC LIMIT 1
        ) last
      )`.as("last_message"),
    ]);
}

export type ConversationRow = NonNullable<Awaited<ReturnType<typeof findConversationFor>>>;

export async function listConversations(
  db: Kysely<DB>,
  userId: string,
  options: { limit: number; after?: Keyset | undefined },
) {
  let query = conversationsOf(db, userId)
    // The cursor's key, to the microsecond (a JavaScript Date would round it to the millisecond).
    .select(timeKey(sql.ref<Date>("c.last_message_at")).as("last_message_key"))
    // A conversation cleared and silent since does not show.
    .where((eb) => eb("c.last_message_at", ">", eb.ref("cm.cleared_at")))
    .orderBy("c.last_message_at", "desc")
    .orderBy("c.id", "desc")
    .limit(options.limit + 1);
  const { after } = options;
  if (after) query = query.where(beforeKeyset(sql.ref<Date>("c.last_message_at"), sql.ref<string>("c.id"), after));
  return query.execute();
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  sender_id: string | null;
  body: string;
  created_at: Date | string;
}

export async function insertMessage(db: Kysely<DB>, conversationId: string, senderId: string, body: string) {
  const message = await db
    .insertInto("messages")
    .values({ conversation_id: conversationId, sender_id: senderId, body })
    .returning(["id", "conversation_id", "sender_id", "body", "created_at"])
    .executeTakeFirstOrThrow();
  await db
    .updateTable("conversations")
    .set({ last_message_at: message.created_at })
    .where("id", "=", conversationId)
    .execute();
  // Writing is reading: my own message is not unread to me.
  await db
    .updateTable("conversation_members")
    .set({ last_read_at: message.created_at })
    .where("conversation_id", "=", conversationId)
    .where("user_id", "=", senderId)
    .execute();
  return message;
}

export async function listMessages(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
  options: { limit: number; before?: Keyset | undefined },
) {
  const { before } = options;
  // created_key: the cursor's key, to the microsecond (messages sent within one millisecond stay apart).
  const { rows } = await sql<MessageRow & { created_key: string }>`
    SELECT m.id, m.conversation_id, m.sender_id, m.body, m.created_at, ${timeKey(sql.ref("m.created_at"))} AS created_key
      FROM messages m
      JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = ${userId}
     WHERE m.conversation_id = ${conversationId} AND ${visibleTo(userId)}
       ${before ? sql`AND ${beforeKeyset(sql.ref("m.created_at"), sql.ref("m.id"), before)}` : sql``}
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT ${options.limit + 1}`.execute(db);
  return rows;
}

/** One message, if `userId` is in its conversation and has not removed it. */
export async function findMessageFor(db: Kysely<DB>, messageId: string, userId: string) {
  const { rows } = await sql<MessageRow>`
    SELECT m.id, m.conversation_id, m.sender_id, m.body, m.created_at
      FROM messages m
      JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = ${userId}
     WHERE m.id = ${messageId} AND ${visibleTo(userId)}`.execute(db);
  return rows[0];
}

/** Messages to `userId` not yet read: in all their conversations, or in one. */
export async function countUnreadMessages(db: Kysely<DB>, userId: string, conversationId?: string): Promise<number> {
  const { rows } = await sql<{ unread: number }>`
    SELECT count(*)::int AS unread
      FROM conversation_members cm
      JOIN messages m ON m.conversation_id = cm.conversation_id
     WHERE cm.user_id = ${userId} AND m.created_at > cm.last_read_at
       AND m.sender_id IS DISTINCT FROM ${userId} AND ${visibleTo(userId)}
       ${conversationId ? sql`AND cm.conversation_id = ${conversationId}` : sql``}`.execute(db);
  return rows[0]?.unread ?? 0;
}

export async function markConversationRead(db: Kysely<DB>, conversationId: string, userId: string) {
  await db
    .updateTable("conversation_members")
    .set({ last_read_at: sql<Date>`greatest(last_read_at, clock_timestamp())` })
    .where("conversation_id", "=", conversationId)
    .where("user_id", "=", userId)
    .execute();
}

export async function hideMessage(db: Kysely<DB>, messageId: string, userId: string) {
  await db
    .insertInto("message_hidden")
    .values({ message_id: messageId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function clearConversation(db: Kysely<DB>, conversationId: string, userId: string) {
  await db
    .updateTable("conversation_members")
    .set({ cleared_at: sql<Date>`clock_timestamp()`, last_read_at: sql<Date>`clock_timestamp()` })
    .where("conversation_id", "=", conversationId)
    .where("user_id", "=", userId)
    .execute();
}
