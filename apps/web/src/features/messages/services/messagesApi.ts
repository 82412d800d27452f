import {
  type Conversation,
  type ConversationPage,
  conversationPageSchema,
  conversationSchema,
  type Message,
  type MessagePage,
  messagePageSchema,
  messageSchema,
} from "@stave/contracts";
import { apiRequest, type Schema } from "../../../lib/api.ts";

export const CONVERSATIONS_PAGE_SIZE = 20;
export const MESSAGES_PAGE_SIZE = 30;

/** The routes wrap one object in a named field (`{conversation}`, `{message}`): unwrap it, checked. */
function wrapped<K extends string, T>(key: K, inner: Schema<T>): Schema<T> {
  return { parse: (data) => inner.parse((data as Record<string, unknown> | null)?.[key]) };
}

const conversationReply = wrapped("conversation", conversationSchema);
const messageReply = wrapped("message", messageSchema);

const path = (conversationId: string) => `/api/v1/conversations/${encodeURIComponent(conversationId)}`;

export function fetchConversations(
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = CONVERSATIONS_PAGE_SIZE,
): Promise<ConversationPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/conversations?${query}`, { schema: conversationPageSchema, signal });
}

/** Opens (or finds) my conversation with `username`. */
export function startConversation(username: string, body?: string): Promise<Conversation> {
  return apiRequest("/api/v1/conversations", {
    method: "POST",
    body: body === undefined ? { username } : { username, body },
    schema: conversationReply,
  });
}

export function fetchConversation(conversationId: string, signal?: AbortSignal): Promise<Conversation> {
  return apiRequest(path(conversationId), { schema: conversationReply, signal });
}

/** A page of the conversation's messages, newest first; `cursor` goes back in time. */
export function fetchMessages(
  conversationId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<MessagePage> {
  const query = new URLSearchParams({ limit: String(MESSAGES_PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`${path(conversationId)}/messages?${query}`, { schema: messagePageSchema, signal });
}

export function sendMessage(conversationId: string, body: string): Promise<Message> {
  return apiRequest(`${path(conversationId)}/messages`, { method: "POST", body: { body }, schema: messageReply });
}

export function markConversationRead(conversationId: string): Promise<undefined> {
  return apiRequest(`${path(conversationId)}/read`, { method: "POST" });
}

/** Deletes my copy; the other person keeps theirs. */
export function deleteConversation(conversationId: string): Promise<undefined> {
  return apiRequest(path(conversationId), { method: "DELETE" });
}

/** Deletes my copy of one message. */
export function deleteMessage(conversationId: string, messageId: string): Promise<undefined> {
  return apiRequest(`${path(conversationId)}/messages/${encodeURIComponent(messageId)}`, { method: "DELETE" });
}
