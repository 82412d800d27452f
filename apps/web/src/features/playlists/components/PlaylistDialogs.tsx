import type { Playlist } from "@stave/contracts";
import { ModalDialog } from "../../../components/ModalDialog.tsx";
import { useCreatePlaylist, useUpdatePlaylist } from "../hooks/usePlaylistMutations.ts";
import { draftFromPlaylist, emptyPlaylistDraft } from "../playlistDraft.ts";
import { PlaylistForm } from "./PlaylistForm.tsx";

type NewPlaylistDialogProps = {
  onClose: () => void;
  /** The dialog closes itself first. */
  onCreated: (playlist: Playlist) => void;
};

/** "New playlist": a title (required), a description and who may see it. */
export function NewPlaylistDialog({ onClose, onCreated }: NewPlaylistDialogProps) {
  const create = useCreatePlaylist((playlist) => {
    onClose();
    onCreated(playlist);
  });
  return (
    <ModalDialog title="New playlist" onClose={onClose}>
      <PlaylistForm
        initial={emptyPlaylistDraft}
        submitLabel="Create playlist"
        pendingLabel="Creating…"
        failureLabel="The playlist wasn't created."
        pending={create.isPending}
        error={create.error}
        onSubmit={(request) => create.mutate(request)}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}

/** The owner's edit of a playlist's title, description and visibility. */
export function EditPlaylistDialog({ playlist, onClose }: { playlist: Playlist; onClose: () => void }) {
  const save = useUpdatePlaylist(playlist.id, onClose);
  return (
    <ModalDialog title="Edit playlist" onClose={onClose}>
      <PlaylistForm
        initial={draftFromPlaylist(playlist)}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        failureLabel="The changes weren't saved."
        pending={save.isPending}
        error={save.error}
        onSubmit={(request) => save.mutate(request)}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
