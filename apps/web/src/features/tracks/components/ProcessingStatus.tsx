import type { Track, TrackStatusEvent } from "@stave/contracts";
import { Link } from "react-router";
import { useRetryTrack } from "../hooks/useTrackMutations.ts";
import { useTrackStatusEvents } from "../hooks/useTrackStatusEvents.ts";
import { isFinalStatus } from "../trackStatus.ts";
import { ProcessingFailedAlert } from "./ProcessingFailedAlert.tsx";

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
        <ProcessingFailedAlert
          failureReason={status.failureReason}
          onRetry={() => retry.mutate()}
          retrying={retry.isPending}
          retryError={retry.error}
        />
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
