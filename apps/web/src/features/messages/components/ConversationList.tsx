import type { Conversation } from "@stave/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/dates.ts";
import { personName } from "../messageText.ts";

type ConversationListProps = { conversations: Conversation[]; myId: string };

/** My conversations, the latest active first: who, the last message, and what is unread. */
export function ConversationList({ conversations, myId }: ConversationListProps) {
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {conversations.map((conversation) => (
        <ConversationItem key={conversation.id} conversation={conversation} myId={myId} />
      ))}
    </ul>
  );
}

function ConversationItem({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const { lastMessage, unreadCount } = conversation;
  const name = personName(conversation.with);
  return (
    <li className={unreadCount > 0 ? "conversation conversation--unread" : "conversation"}>
      <Link to={`/messages/${conversation.id}`} className="conversation__link">
        <span className="conversation__head">
          <span className="conversation__name">{name}</span>
          {unreadCount > 0 ? <span className="count-badge">{unreadCount} unread</span> : null}
          {conversation.blocked ? <span className="badge badge--warning">Blocked</span> : null}
          <time className="conversation__time" dateTime={conversation.updatedAt}>
            {formatDateTime(conversation.updatedAt)}
          </time>
        </span>
        <span className="conversation__preview">
          {lastMessage ? (
            <>
              {lastMessage.senderId === myId ? "You: " : ""}
              {lastMessage.body}
            </>
          ) : (
            "No messages yet"
          )}
        </span>
      </Link>
    </li>
  );
}
