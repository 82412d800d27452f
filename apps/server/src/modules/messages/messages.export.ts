import { sql } from "kysely";
import { afterKey, exporter, isoTime, timeKey } from "../../platform/personal-data/exporter.ts";

/**
 * `messages.json`: every message of the user's conversations, sent and received, conversation
 * by conversation and each in its index order, so no page has to sort them all.
 */
export const messagesExporter = exporter({
  file: "messages.json",
  recordType: "message",
  format: "json",
  async *records(userId, { db, pages }) {
    const conversations = await db
      .selectFrom("conversation_members as cm")
      .innerJoin("conversations as c", "c.id", "cm.conversation_id")
      .innerJoin("users as other", (join) =>
        join.on((eb) =>
          eb(
            "other.id",
            "=",
            eb.case().when("c.user_low", "=", userId).then(eb.ref("c.user_high")).else(eb.ref("c.user_low")).end(),
          ),
        ),
      )
      .select(["c.id", "other.username as with_username"])
      .where("cm.user_id", "=", userId)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    for (const conversation of conversations) {
      const messages = pages((after, limit) =>
        db
          .selectFrom("messages as m")
          .select((eb) => [
            "m.id",
            "m.body",
            "m.created_at",
            // A deleted sender's messages stay, received.
            eb("m.sender_id", "=", userId).as("sent_by_me"),
            timeKey(sql.ref<Date>("m.created_at")).as("key_at"),
            "m.id as key_id",
          ])
          .where("m.conversation_id", "=", conversation.id)
          .where(afterKey(sql.ref<Date>("m.created_at"), sql.ref<string>("m.id"), after))
          .orderBy("m.created_at")
          .orderBy("m.id")
          .limit(limit)
          .execute(),
      );
      for await (const message of messages) {
        yield {
          id: message.id,
          conversationId: conversation.id,
          with: conversation.with_username,
          direction: message.sent_by_me ? "sent" : "received",
          body: message.body,
          createdAt: isoTime(message.created_at),
        };
      }
    }
  },
});
