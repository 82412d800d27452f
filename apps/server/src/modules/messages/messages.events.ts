import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { MessageEvents } from "../notifications/index.ts";
import { presentMessage } from "./messages.presenter.ts";
import { countUnreadMessages, findMessageFor } from "./messages.repo.ts";

/** The messages' part of the user's event stream (`GET /me/events`), for the notifications module. */
export const messageEventsOf = (db: Kysely<DB>): MessageEvents => ({
  async eventFor(messageId, userId) {
    const row = await findMessageFor(db, messageId, userId);
    if (!row) return null;
    const unreadMessages = await countUnreadMessages(db, userId);
    return { type: "message", conversationId: row.conversation_id, message: presentMessage(row), unreadMessages };
  },
  countUnread: (userId) => countUnreadMessages(db, userId),
});
