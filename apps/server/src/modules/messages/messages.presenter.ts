import type { Conversation, Message } from "@stave/contracts";
import type { ConversationRow, MessageRow } from "./messages.repo.ts";

export const presentMessage = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  senderId: row.sender_id,
  body: row.body,
  createdAt: new Date(row.created_at).toISOString(),
});

export const presentConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  with: { id: row.other_id, username: row.other_username, displayName: row.other_display_name },
  lastMessage: row.last_message ? presentMessage(row.last_message) : null,
  unreadCount: row.unread_count,
  blocked: row.blocked,
  updatedAt: new Date(row.last_message_at).toISOString(),
});
