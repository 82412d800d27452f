import type { Message } from "@stave/contracts";
import { useId } from "react";
import { formatDateTime } from "../../../lib/dates.ts";

type MessageItemProps = {
  message: Message;
  mine: boolean;
  /** The other person's name. */
  otherName: string;
  onDelete: () => void;
  deleting: boolean;
};

/** One message, its text shown exactly as written: escaped by React, line breaks kept by CSS. */
export function MessageItem({ message, mine, otherName, onDelete, deleting }: MessageItemProps) {
  const bodyId = useId();
  const sender = mine ? "You" : message.senderId === null ? "Deleted user" : otherName;
  return (
    <li className={mine ? "message message--mine" : "message"}>
      <p className="message__meta">
        <span className="message__sender">{sender}</span>{" "}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </p>
      <p id={bodyId} className="message__body">
        {message.body}
      </p>
      <button
        type="button"
        className="link-button message__delete"
        aria-describedby={bodyId}
        title="Delete your copy of this message"
        disabled={deleting}
        onClick={onDelete}
      >
        {deleting ? "Deleting…" : "Delete"}
      </button>
    </li>
  );
}
