import type { Conversation, ConversationPage, MessagePage } from "@stave/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unreadCountsKey } from "../../../lib/unreadCounts.ts";
import {
  deleteConversation,
  deleteMessage,
  fetchConversation,
  fetchConversations,
  fetchMessages,
  markConversationRead,
  sendMessage,
  startConversation,
} from "../services/messagesApi.ts";
import { messageKeys } from "./messageKeys.ts";
import { appendToThread, type ConversationListData, patchConversation, removeFromThread } from "./threadCache.ts";

export function useConversations() {
  return useInfiniteQuery({
    queryKey: messageKeys.conversations,
    queryFn: ({ pageParam, signal }) => fetchConversations(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ConversationPage) => last.nextCursor ?? undefined,
  });
}

export const allConversations = (data: ConversationListData | undefined): Conversation[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

export function useConversation(id: string) {
  return useQuery({
    queryKey: messageKeys.conversation(id),
    queryFn: ({ signal }) => fetchConversation(id, signal),
  });
}

/** The thread's messages, a page at a time going back; live ones are added by the event stream. */
export function useThread(id: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.thread(id),
    queryFn: ({ pageParam, signal }) => fetchMessages(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: MessagePage) => last.nextCursor ?? undefined,
    // Live events keep it current; a refetch on focus would only reload every page.
    refetchOnWindowFocus: false,
  });
}

export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => startConversation(username),
    onSuccess: (conversation) => {
      queryClient.setQueryData(messageKeys.conversation(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
    },
  });
}

/** Sends a message; it joins the thread as soon as the server has it. */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => sendMessage(conversationId, body),
    onSuccess: (message) => {
      appendToThread(queryClient, message);
      patchConversation(queryClient, conversationId, { lastMessage: message, updatedAt: message.createdAt });
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
    },
  });
}

export function useMarkConversationRead(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markConversationRead(conversationId),
    onSuccess: () => {
      patchConversation(queryClient, conversationId, { unreadCount: 0 });
      // The stream's `read` event brings the new count too; without a stream, ask.
      void queryClient.invalidateQueries({ queryKey: unreadCountsKey });
    },
  });
}

export function useDeleteMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => deleteMessage(conversationId, messageId),
    onSuccess: (_reply, messageId) => {
      removeFromThread(queryClient, conversationId, messageId);
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
    },
  });
}

export function useDeleteConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteConversation(conversationId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: messageKeys.thread(conversationId) });
      queryClient.removeQueries({ queryKey: messageKeys.conversation(conversationId) });
      queryClient.setQueryData<ConversationListData>(messageKeys.conversations, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => item.id !== conversationId),
              })),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: unreadCountsKey });
    },
  });
}
