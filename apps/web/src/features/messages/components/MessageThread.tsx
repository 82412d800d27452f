import type { Conversation } from "@stave/contracts";
import { useLayoutEffect, useRef } from "react";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { threadMessages } from "../hooks/threadCache.ts";
import { useDeleteMessage, useThread } from "../hooks/useMessageQueries.ts";
import { personName } from "../messageText.ts";
import { MessageItem } from "./MessageItem.tsx";

/** How close to the bottom still counts as "reading the latest". */
const NEAR_BOTTOM_PX = 120;

/**
 * The conversation's messages, oldest at the top, with "Load older" going back a page at
 * a time. It follows new messages down as they arrive, unless the reader has scrolled up.
 */
export function MessageThread({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const thread = useThread(conversation.id);
  const remove = useDeleteMessage(conversation.id);
  const messages = threadMessages(thread.data);
  const name = personName(conversation.with);
  const scroller = useRef<HTMLDivElement>(null);
  const newestId = messages.at(-1)?.id;
  const newestIsMine = messages.at(-1)?.senderId === myId;
  const followed = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || newestId === undefined || followed.current === newestId) return;
    const first = followed.current === undefined;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    followed.current = newestId;
    if (first || nearBottom || newestIsMine) element.scrollTop = element.scrollHeight;
  }, [newestId, newestIsMine]);

  return (
    <div className="thread" ref={scroller}>
      <ShowMoreButton query={thread} label="Load older messages" className="button button--secondary thread__older" />
      {thread.isSuccess && !thread.hasNextPage && messages.length > 0 ? (
        <p className="thread__start">This is the beginning of your conversation with {name}.</p>
      ) : null}
      {thread.isPending ? <p className="loading">Loading messages…</p> : null}
      {thread.isError ? <LoadFailed what="the messages" query={thread} /> : null}
      {thread.isSuccess && messages.length === 0 ? (
        <p className="empty-state">No messages yet. Say hello to {name}.</p>
      ) : null}
      <div role="log" aria-label={`Messages with ${name}`}>
        <ol className="thread__messages">
          {messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              mine={message.senderId === myId}
              otherName={name}
              deleting={remove.isPending && remove.variables === message.id}
              deleteError={remove.isError && remove.variables === message.id ? remove.error : null}
              onDelete={(done) => remove.mutate(message.id, { onSuccess: done })}
            />
          ))}
        </ol>
      </div>
    </div>
  );
}
