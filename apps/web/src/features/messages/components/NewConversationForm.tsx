import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { FormActions } from "../../../components/FormActions.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useStartConversation } from "../hooks/useMessageQueries.ts";

/** "New message": whom to write to, by username; opens (or finds) the conversation with them. */
export function NewConversationForm({ onCancel }: { onCancel: () => void }) {
  const inputId = useId();
  const [username, setUsername] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const start = useStartConversation();
  const navigate = useNavigate();

  useEffect(() => input.current?.focus(), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wanted = username.trim().replace(/^@/, "");
    if (!wanted) return;
    start.mutate(wanted, { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`) });
  }

  const asked = username.trim().replace(/^@/, "");
  return (
    <form className="card new-conversation" aria-label="New message" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          To (username)
        </label>
        <input
          ref={input}
          id={inputId}
          name="username"
          autoComplete="off"
          spellCheck={false}
          maxLength={31}
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
            if (start.isError) start.reset();
          }}
        />
      </div>
      {start.isError ? (
        <ErrorAlert>
          {errorMessage(start.error, {
            NOT_FOUND: `Nobody called “${asked}” is on this instance.`,
            MESSAGING_BLOCKED: `You can't message ${asked}.`,
          })}
        </ErrorAlert>
      ) : null}
      <FormActions
        submitLabel="Start conversation"
        pendingLabel="Opening…"
        pending={start.isPending}
        disabled={!asked}
        onCancel={onCancel}
      />
    </form>
  );
}
