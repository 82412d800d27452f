import { MESSAGE_MAX_LENGTH } from "@stave/contracts";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useSendMessage } from "../hooks/useMessageQueries.ts";
import { formatCount } from "../messageText.ts";
import { BlockedNotice } from "./BlockedNotice.tsx";

type MessageComposerProps = {
  conversationId: string;
  /** The other person's name. */
  to: string;
  /** Sending was refused because one of them blocked the other: the page reloads the conversation. */
  onBlocked: () => void;
};

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. Counts the characters
 * against the limit and refuses to send past it, so nothing written is lost to a 400.
 */
export function MessageComposer({ conversationId, to, onBlocked }: MessageComposerProps) {
  const id = useId();
  const counterId = `${id}-counter`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState("");
  const send = useSendMessage(conversationId);
  const length = text.length;
  const over = length - MESSAGE_MAX_LENGTH;
  const empty = text.trim() === "";
  const blocked = send.error instanceof ApiError && send.error.code === "MESSAGING_BLOCKED";

  function submit() {
    if (empty || over > 0 || send.isPending) return;
    send.mutate(text, {
      onSuccess: () => setText(""),
      onError: (error) => {
        if (error instanceof ApiError && error.code === "MESSAGING_BLOCKED") onBlocked();
      },
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Shift+Enter is the textarea's own newline; Enter while an IME composes a word confirms the word.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  return (
    <form className="composer" aria-label="Send a message" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        Message to {to}
      </label>
      <textarea
        id={id}
        className="composer__input"
        name="body"
        rows={3}
        placeholder={`Write to ${to}…`}
        value={text}
        aria-invalid={over > 0 ? true : undefined}
        aria-describedby={`${counterId} ${hintId}`}
        onChange={(event) => {
          setText(event.target.value);
          if (send.isError && !blocked) send.reset();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="composer__footer">
        <p id={hintId} className="composer__hint">
          Enter to send · Shift+Enter for a new line
        </p>
        <p id={counterId} className={over > 0 ? "composer__counter composer__counter--over" : "composer__counter"}>
          {formatCount(length)} / {formatCount(MESSAGE_MAX_LENGTH)}
          <span className="visually-hidden"> characters</span>
        </p>
        <button type="submit" className="button" disabled={empty || over > 0 || send.isPending}>
          {send.isPending ? "Sending…" : "Send"}
        </button>
      </div>
      {over > 0 ? (
        <p role="alert" className="field__error">
          {over === 1 ? "1 character" : `${formatCount(over)} characters`} over the limit of{" "}
          {formatCount(MESSAGE_MAX_LENGTH)}. Shorten your message to send it.
        </p>
      ) : null}
      {blocked ? <BlockedNotice name={to} iBlocked={false} /> : null}
      {send.isError && !blocked ? <ErrorAlert>Your message wasn't sent. {errorMessage(send.error)}</ErrorAlert> : null}
    </form>
  );
}
