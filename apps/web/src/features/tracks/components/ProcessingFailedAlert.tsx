import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";

type ProcessingFailedAlertProps = {
  /** The server's reason, when it gave one. */
  failureReason: string | null | undefined;
  onRetry: () => void;
  retrying: boolean;
  /** Why the last retry did not start (a mutation's error), or null. */
  retryError: unknown;
};

/** A track whose processing failed: the reason, and a retry (the uploader and the track page alike). */
export function ProcessingFailedAlert({ failureReason, onRetry, retrying, retryError }: ProcessingFailedAlertProps) {
  return (
    <ErrorAlert>
      <p>
        <strong>Processing failed.</strong> {failureReason ?? "The server gave no reason."}
      </p>
      {retryError ? <p>The retry didn't start. {errorMessage(retryError)}</p> : null}
      <button type="button" className="button button--secondary" disabled={retrying} onClick={onRetry}>
        {retrying ? "Retrying…" : "Retry"}
      </button>
    </ErrorAlert>
  );
}
