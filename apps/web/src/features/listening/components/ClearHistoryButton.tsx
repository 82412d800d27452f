import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { useClearHistory } from "../hooks/useListeningQueries.ts";

/** Clear history, then an explicit confirmation: it cannot be undone. */
export function ClearHistoryButton() {
  const clear = useClearHistory();
  return (
    <ConfirmAction
      label="Clear history"
      question="Clear your whole listening history? This cannot be undone. Play counts stay as they are."
      confirmLabel="Clear everything"
      pendingLabel="Clearing…"
      cancelLabel="Keep it"
      onConfirm={(done) => clear.mutate(undefined, { onSuccess: done })}
      pending={clear.isPending}
      error={clear.error}
      failure="Your history wasn't cleared."
    />
  );
}
