import type { Track, TrackSummary } from "@stave/contracts";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useDeleteTrack } from "../hooks/useTrackMutations.ts";

type DeleteTrackButtonProps = {
  track: Track | TrackSummary;
  onDeleted?: () => void;
};

/** Delete, then an explicit confirmation: deleting removes the track and its media for good. */
export function DeleteTrackButton({ track, onDeleted }: DeleteTrackButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTrack(track.id, onDeleted);
  const keepRef = useRef<HTMLButtonElement>(null);

  // The question appears where the button was: take focus there, on the safe choice.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger"
        aria-label={`Delete ${track.title}`}
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>Delete “{track.title}”? Its audio, artwork and play count are removed for good.</legend>
      {remove.isError ? <ErrorAlert>The track wasn't deleted. {errorMessage(remove.error)}</ErrorAlert> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {remove.isPending ? "Deleting…" : "Delete for good"}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </fieldset>
  );
}
