import { type ReactNode, useEffect, useRef, useState } from "react";
import { type ErrorMessages, errorMessage } from "../lib/errorMessage.ts";
import { ErrorAlert } from "./Alert.tsx";

type ConfirmActionProps = {
  /** The button that asks first. */
  label: string;
  /** Its accessible name, when the label alone does not say what it acts on. */
  labelAriaLabel?: string;
  labelClassName?: string;
  /** What is about to happen, asked in place of the button. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  /** Runs the action; call `done` to fold the question away again (on success). */
  onConfirm: (done: () => void) => void;
  pending: boolean;
  error: unknown;
  /** What a failure says before the server's reason. */
  failure?: string;
  /** What to say for the error codes this action expects. */
  messages?: ErrorMessages;
  danger?: boolean;
  className?: string;
};

/**
 * A button that asks before it acts: the question takes its place, with focus on the safe
 * answer (and back on the button when it folds away), and a failure is told in place.
 */
export function ConfirmAction({
  label,
  labelAriaLabel,
  labelClassName = "button button--secondary",
  question,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Cancel",
  onConfirm,
  pending,
  error,
  failure = "That didn't work.",
  messages,
  danger = true,
  className = "confirm",
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const labelRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question in, and back to the button when it folds away.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) labelRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={labelRef}
        type="button"
        className={labelClassName}
        aria-label={labelAriaLabel}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className={className}>
      <legend>{question}</legend>
      {error ? (
        <ErrorAlert>
          {failure} {errorMessage(error, messages)}
        </ErrorAlert>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className={danger ? "button button--danger" : "button"}
          disabled={pending}
          onClick={() => onConfirm(() => setConfirming(false))}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
