import { api, type Conversation, type ConversationPage, type Message, type MessagePage } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export const CONVERSATIONS_PAGE_SIZE = 20;
export const MESSAGES_PAGE_SIZE = 30;

export function fetchConversations(
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = CONVERSATIONS_PAGE_SIZE,
): Promise<ConversationPage> {
  return callApi(api.messages.conversations, { query: { limit, cursor }, signal });
}

/** Opens (or finds) my conversation with `username`. */
export async function startConversation(username: string, body?: string): Promise<Conversation> {
  const request = body === undefined ? { username } : { username, body };
  return (await callApi(api.messages.start, { body: request })).conversation;
}

export async function fetchConversation(conversationId: string, signal?: AbortSignal): Promise<Conversation> {
  return (await callApi(api.messages.conversation, { params: { id: conversationId }, signal })).conversation;
}

/** A page of the conversation's messages, newest first; `cursor` goes back in time. */
export function fetchMessages(
  conversationId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<MessagePage> {
  const query = { limit: MESSAGES_PAGE_SIZE, cursor };
  return callApi(api.messages.messages, { params: { id: conversationId }, query, signal });
}

export async function sendMessage(conversationId: string, body: string): Promise<Message> {
  return (await callApi(api.messages.send, { params: { id: conversationId }, body: { body } })).message;
}

export function markConversationRead(conversationId: string): Promise<undefined> {
  return callApi(api.messages.markRead, { params: { id: conversationId } });
}

/** Deletes my copy; the other person keeps theirs. */
export function deleteConversation(conversationId: string): Promise<undefined> {
  return callApi(api.messages.deleteConversation, { params: { id: conversationId } });
}

/** Deletes my copy of one message. */
export function deleteMessage(conversationId: string, messageId: string): Promise<undefined> {
  return callApi(api.messages.deleteMessage, { params: { id: conversationId, messageId } });
}
