import type { Playlist } from "@stave/contracts";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { useDeletePlaylist } from "../hooks/usePlaylistMutations.ts";
import { playlistErrorMessages } from "../playlistText.ts";

/** Delete, then an explicit confirmation; the tracks themselves stay. */
export function DeletePlaylistButton({ playlist, onDeleted }: { playlist: Playlist; onDeleted: () => void }) {
  const remove = useDeletePlaylist(playlist.id, onDeleted);
  return (
    <ConfirmAction
      className="confirm playlist-page__confirm"
      label="Delete"
      labelAriaLabel={`Delete ${playlist.title}`}
      labelClassName="button button--danger"
      question={<>Delete “{playlist.title}”? The playlist goes for good; its tracks stay where they are.</>}
      confirmLabel="Delete playlist"
      pendingLabel="Deleting…"
      cancelLabel="Keep it"
      onConfirm={() => remove.mutate()}
      pending={remove.isPending}
      error={remove.error}
      failure="The playlist wasn't deleted."
      messages={playlistErrorMessages}
    />
  );
}
