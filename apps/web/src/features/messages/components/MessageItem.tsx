import type { Message } from "@stave/contracts";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { formatDateTime } from "../../../lib/dates.ts";

type MessageItemProps = {
  message: Message;
  mine: boolean;
  /** The other person's name. */
  otherName: string;
  /** Deletes my copy; `done` folds the question away. */
  onDelete: (done: () => void) => void;
  deleting: boolean;
  /** Why deleting this message failed, told next to it rather than atop a long thread. */
  deleteError: Error | null;
};

/** One message, its text shown exactly as written: escaped by React, line breaks kept by CSS. */
export function MessageItem({ message, mine, otherName, onDelete, deleting, deleteError }: MessageItemProps) {
  const sender = mine ? "You" : message.senderId === null ? "Deleted user" : otherName;
  return (
    <li className={mine ? "message message--mine" : "message"}>
      <p className="message__meta">
        <span className="message__sender">{sender}</span>{" "}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </p>
      <p className="message__body">{message.body}</p>
      <ConfirmAction
        label="Delete"
        labelClassName="link-button message__delete"
        question={`Delete your copy of this message? ${otherName} keeps theirs.`}
        confirmLabel="Delete my copy"
        pendingLabel="Deleting…"
        onConfirm={onDelete}
        pending={deleting}
        error={deleteError}
        failure="That message wasn't deleted."
      />
    </li>
  );
}
