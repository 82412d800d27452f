import type { Track, TrackStatusEvent } from "@stave/contracts";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useRetryTrack } from "../hooks/useTrackMutations.ts";
import { useTrackStatusEvents } from "../hooks/useTrackStatusEvents.ts";
import { isFinalStatus } from "../trackStatus.ts";

type ProcessingStatusProps = {
  track: Track;
  status: TrackStatusEvent;
  onStatus: (status: TrackStatusEvent) => void;
  /** The track back from a retry, at "uploaded" again. */
  onRetried: (track: Track) => void;
};

/** After the upload: processing progress live from the server, then Ready (with a link) or the failure and a retry. */
export function ProcessingStatus({ track, status, onStatus, onRetried }: ProcessingStatusProps) {
  useTrackStatusEvents(track.id, !isFinalStatus(status.status), onStatus);
  const retry = useRetryTrack(track.id, onRetried);

  if (status.status === "ready") {
    return (
      <div className="upload-status upload-status--ready">
        <p role="status">Ready</p>
        <Link to={`/tracks/${track.id}`} className="button button--secondary">
          Open “{track.title}”
        </Link>
      </div>
    );
  }
  if (status.status === "failed") {
    return (
      <div className="upload-status">
        <ErrorAlert>
          <p>
            <strong>Processing failed.</strong> {status.failureReason ?? "The server gave no reason."}
          </p>
          {retry.isError ? <p>The retry didn't start. {errorMessage(retry.error)}</p> : null}
          <button
            type="button"
            className="button button--secondary"
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {retry.isPending ? "Retrying…" : "Retry"}
          </button>
        </ErrorAlert>
      </div>
    );
  }
  const processing = status.status === "processing";
  return (
    <div className="upload-status">
      <p role="status">{processing ? `Processing ${status.progress}%` : "Uploaded. Waiting to process…"}</p>
      {/* No value while waiting: an indeterminate bar. */}
      <progress aria-label="Processing progress" max={100} value={processing ? status.progress : undefined} />
    </div>
  );
}
