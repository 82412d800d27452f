import type { Playlist } from "@stave/contracts";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { useDeletePlaylist } from "../hooks/usePlaylistMutations.ts";
import { playlistErrorMessage } from "../playlistText.ts";

/** Delete, then an explicit confirmation; the tracks themselves stay. */
export function DeletePlaylistButton({ playlist, onDeleted }: { playlist: Playlist; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePlaylist(playlist.id, onDeleted);
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
        aria-label={`Delete ${playlist.title}`}
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  }
  return (
    <fieldset className="confirm playlist-page__confirm">
      <legend>Delete “{playlist.title}”? The playlist goes for good; its tracks stay where they are.</legend>
      {remove.isError ? (
        <ErrorAlert>The playlist wasn't deleted. {playlistErrorMessage(remove.error)}</ErrorAlert>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {remove.isPending ? "Deleting…" : "Delete playlist"}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </fieldset>
  );
}
