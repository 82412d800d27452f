import type { Conversation, ConversationPage, Message, MessagePage } from "@stave/contracts";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { messageKeys } from "./messageKeys.ts";

export type ThreadData = InfiniteData<MessagePage>;
export type ConversationListData = InfiniteData<ConversationPage>;

/**
 * Adds a message to the newest page of a thread that is in the cache, once: the sender's
 * own reply and the event stream both deliver it. A thread never opened is left alone.
 */
export function appendToThread(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<ThreadData>(messageKeys.thread(message.conversationId), (data) => {
    if (!data) return data;
    if (data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
    const [newest, ...older] = data.pages;
    if (!newest) return data;
    return { ...data, pages: [{ ...newest, items: [message, ...newest.items] }, ...older] };
  });
}

export function removeFromThread(queryClient: QueryClient, conversationId: string, messageId: string): void {
  queryClient.setQueryData<ThreadData>(messageKeys.thread(conversationId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== messageId) })),
        }
      : data,
  );
}

/** The thread's loaded messages in reading order: oldest first. */
export function threadMessages(data: ThreadData | undefined): Message[] {
  return (data?.pages.flatMap((page) => page.items) ?? []).reverse();
}

/** Sets one conversation's fields wherever it is cached (its own query and the list). */
export function patchConversation(queryClient: QueryClient, id: string, patch: Partial<Conversation>): void {
  queryClient.setQueryData<Conversation>(messageKeys.conversation(id), (data) => (data ? { ...data, ...patch } : data));
  queryClient.setQueryData<ConversationListData>(messageKeys.conversations, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
          })),
        }
      : data,
  );
}
