import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useClearHistory } from "../hooks/useListeningQueries.ts";

/** Clear history, then an explicit confirmation: it cannot be undone. */
export function ClearHistoryButton() {
  const [confirming, setConfirming] = useState(false);
  const clear = useClearHistory();
  const keepRef = useRef<HTMLButtonElement>(null);

  // The question appears where the button was: take focus there, on the safe choice.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Clear history
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>Clear your whole listening history? This cannot be undone. Play counts stay as they are.</legend>
      {clear.isError ? <ErrorAlert>Your history wasn't cleared. {errorMessage(clear.error)}</ErrorAlert> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={clear.isPending}
          onClick={() => clear.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        >
          {clear.isPending ? "Clearing…" : "Clear everything"}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </fieldset>
  );
}
