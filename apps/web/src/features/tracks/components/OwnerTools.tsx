import type { Track } from "@stave/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { trackKeys } from "../hooks/trackKeys.ts";
import { useRetryTrack } from "../hooks/useTrackMutations.ts";
import { useTrackStatusEvents } from "../hooks/useTrackStatusEvents.ts";
import { isFinalStatus } from "../trackStatus.ts";
import { DeleteTrackButton } from "./DeleteTrackButton.tsx";
import { ProcessingFailedAlert } from "./ProcessingFailedAlert.tsx";
import { useTrackEditor } from "./TrackEditor.tsx";
import { TrackStatusBadge } from "./TrackStatusBadge.tsx";

/** What the owner of a track gets on its page: live processing state, retry, edit and delete. */
export function OwnerTools({ track }: { track: Track }) {
  const editor = useTrackEditor(track);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const retry = useRetryTrack(track.id);

  useTrackStatusEvents(track.id, !isFinalStatus(track.status), (event) => {
    // Once done, fetch the whole track: it now has its duration, loudness and waveform.
    if (isFinalStatus(event.status)) void queryClient.invalidateQueries({ queryKey: trackKeys.detail(track.id) });
    else queryClient.setQueryData<Track>(trackKeys.detail(track.id), (old) => (old ? { ...old, ...event } : old));
  });

  return (
    <section className="card owner-tools" aria-label="Manage this track">
      <div className="owner-tools__row">
        <p>
          Status: <TrackStatusBadge track={track} />
        </p>
        <div className="form__actions">
          {editor.editButton}
          <DeleteTrackButton track={track} onDeleted={() => navigate("/me/tracks", { replace: true })} />
        </div>
      </div>
      {track.status === "failed" ? (
        <ProcessingFailedAlert
          failureReason={track.failureReason}
          onRetry={() => retry.mutate()}
          retrying={retry.isPending}
          retryError={retry.error}
        />
      ) : null}
      {editor.form}
    </section>
  );
}
