import type { Track, TrackSummary } from "@stave/contracts";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { useDeleteTrack } from "../hooks/useTrackMutations.ts";

type DeleteTrackButtonProps = {
  track: Track | TrackSummary;
  onDeleted?: () => void;
};

/** Delete, then an explicit confirmation: deleting removes the track and its media for good. */
export function DeleteTrackButton({ track, onDeleted }: DeleteTrackButtonProps) {
  const remove = useDeleteTrack(track.id, onDeleted);
  return (
    <ConfirmAction
      label="Delete"
      labelAriaLabel={`Delete ${track.title}`}
      labelClassName="button button--danger"
      question={<>Delete “{track.title}”? Its audio, artwork and play count are removed for good.</>}
      confirmLabel="Delete for good"
      pendingLabel="Deleting…"
      cancelLabel="Keep it"
      onConfirm={() => remove.mutate()}
      pending={remove.isPending}
      error={remove.error}
      failure="The track wasn't deleted."
    />
  );
}
