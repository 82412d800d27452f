import type { Conversation } from "@stave/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useMe } from "../../auth/index.ts";
import { BlockedNotice } from "../components/BlockedNotice.tsx";
import { MessageComposer } from "../components/MessageComposer.tsx";
import { MessageThread } from "../components/MessageThread.tsx";
import { ThreadActions } from "../components/ThreadActions.tsx";
import { messageKeys } from "../hooks/messageKeys.ts";
import { useBlocks } from "../hooks/useBlocks.ts";
import { useDocumentVisible } from "../hooks/useDocumentVisible.ts";
import { useConversation, useMarkConversationRead } from "../hooks/useMessageQueries.ts";
import { personName } from "../messageText.ts";

/** /messages/:conversationId, behind RequireAuth: one conversation, live. */
export function ConversationPage() {
  const { conversationId = "" } = useParams();
  const conversation = useConversation(conversationId);

  if (conversation.error instanceof ApiError && conversation.error.code === "NOT_FOUND") {
    return (
      <section className="page">
        <h1>Conversation not found</h1>
        <p>
          It may have been deleted. <Link to="/messages">See all your messages</Link>.
        </p>
      </section>
    );
  }
  return (
    <section className="page conversation-page">
      <p className="conversation-page__back">
        <Link to="/messages">← All messages</Link>
      </p>
      {conversation.isPending ? <p className="loading">Loading the conversation…</p> : null}
      {conversation.isError ? <LoadFailed what="this conversation" query={conversation} /> : null}
      {conversation.data ? <OpenConversation key={conversation.data.id} conversation={conversation.data} /> : null}
    </section>
  );
}

function OpenConversation({ conversation }: { conversation: Conversation }) {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const blocks = useBlocks();
  const name = personName(conversation.with);
  const iBlocked = blocks.data?.some((person) => person.id === conversation.with.id) ?? false;
  useReadWhileOpen(conversation);

  const reload = () => void queryClient.invalidateQueries({ queryKey: messageKeys.conversation(conversation.id) });

  return (
    <>
      <div className="page__title-row">
        <div>
          <h1>{name}</h1>
          <p className="page__subtitle conversation-page__username">@{conversation.with.username}</p>
        </div>
        <ThreadActions conversation={conversation} iBlocked={iBlocked} />
      </div>
      {me ? <MessageThread conversation={conversation} myId={me.id} /> : null}
      {conversation.blocked ? (
        <BlockedNotice name={name} iBlocked={iBlocked} />
      ) : (
        <MessageComposer conversationId={conversation.id} to={name} onBlocked={reload} />
      )}
    </>
  );
}

/**
 * Marks the conversation read while it is on screen: when it opens with unread messages,
 * and again when one arrives (the live connection reloads the conversation, whose unread
 * count is then above zero). A background tab waits until it is looked at.
 */
function useReadWhileOpen(conversation: Conversation) {
  const visible = useDocumentVisible();
  const { mutate: markRead } = useMarkConversationRead(conversation.id);
  const marked = useRef<string | null>(null);
  const { unreadCount, updatedAt } = conversation;

  useEffect(() => {
    if (!visible || unreadCount === 0) return;
    const key = `${updatedAt}:${unreadCount}`;
    if (marked.current === key) return;
    marked.current = key;
    markRead();
  }, [visible, unreadCount, updatedAt, markRead]);
}
