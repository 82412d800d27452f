import { exporter, isoTime, rowsByKey } from "../../platform/personal-data/exporter.ts";
import { otherMemberId } from "./messages.repo.ts";

/**
 * `messages.json`: every message of the user's conversations, sent and received, conversation
 * by conversation and each in its index order, so no page has to sort them all.
 */
export const messagesExporter = exporter({
  file: "messages.json",
  recordType: "message",
  format: "json",
  async *records(userId, source) {
    const { db } = source;
    const conversations = await db
      .selectFrom("conversation_members as cm")
      .innerJoin("conversations as c", "c.id", "cm.conversation_id")
      .innerJoin("users as other", (join) => join.on("other.id", "=", otherMemberId(userId)))
      .select(["c.id", "other.username as with_username"])
      .where("cm.user_id", "=", userId)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    for (const conversation of conversations) {
      const messages = rowsByKey(
        source,
        db
          .selectFrom("messages as m")
          .select((eb) => [
            "m.id",
            "m.body",
            "m.created_at",
            // A deleted sender's messages stay, received.
            eb("m.sender_id", "=", userId).as("sent_by_me"),
          ])
          .where("m.conversation_id", "=", conversation.id),
        { at: "m.created_at", id: "m.id" },
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
