import { type ReactNode, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";

type ConfirmActionProps = {
  /** The button that asks first. */
  label: string;
  /** What is about to happen, asked in place of the button. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: (done: () => void) => void;
  pending: boolean;
  error: unknown;
  danger?: boolean;
};

/** A button that asks before it acts; the question takes its place, with focus on the safe answer. */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  pendingLabel,
  onConfirm,
  pending,
  error,
  danger = true,
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{question}</legend>
      {error ? <ErrorAlert>That didn't work. {errorMessage(error)}</ErrorAlert> : null}
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
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
