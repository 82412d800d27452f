import type { Playlist, TrackSummary } from "@stave/contracts";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { creatorName } from "../../../lib/creatorName.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { visibilityLabels } from "../../../lib/visibility.ts";
import { PlayerIcon } from "../../../player/PlayerIcon.tsx";
import { usePlayer } from "../../../player/playerContext.ts";
import { useMe } from "../../auth/index.ts";
import { ReportButton, TakedownNotice } from "../../moderation/index.ts";
import { PlaylistLikeButton } from "../../social/index.ts";
import { DeletePlaylistButton } from "../components/DeletePlaylistButton.tsx";
import { PlaylistCover } from "../components/PlaylistCover.tsx";
import { EditPlaylistDialog } from "../components/PlaylistDialogs.tsx";
import { PlaylistTrackList } from "../components/PlaylistTrackList.tsx";
import { useRemovePlaylistTrack, useReorderPlaylist } from "../hooks/usePlaylistMutations.ts";
import { usePlaylist } from "../hooks/usePlaylistQueries.ts";
import { formatPlaylistSize, isErrorCode, playlistErrorMessages } from "../playlistText.ts";

/** /playlists/:id: the playlist and its tracks; its owner edits, reorders and prunes it here. */
export function PlaylistPage() {
  const { id = "" } = useParams();
  const playlist = usePlaylist(id);

  if (playlist.isPending) return <p className="loading">Loading the playlist…</p>;
  if (playlist.isError) {
    if (playlist.error instanceof ApiError && playlist.error.code === "NOT_FOUND") {
      return (
        <section className="page">
          <h1>Playlist not found</h1>
          <p>
            This playlist doesn't exist, was deleted, or is private. <Link to="/">Go back home</Link>.
          </p>
        </section>
      );
    }
    return <LoadFailed what="this playlist" query={playlist} />;
  }
  return <PlaylistDetails playlist={playlist.data} />;
}

const playable = (tracks: readonly TrackSummary[]) => tracks.filter((track) => track.status === "ready");

function PlaylistDetails({ playlist }: { playlist: Playlist }) {
  const me = useMe().data;
  const isOwner = me?.id === playlist.owner.id;
  const navigate = useNavigate();
  const { playTracks } = usePlayer();
  const [editing, setEditing] = useState(false);
  const reorder = useReorderPlaylist(playlist.id);
  const remove = useRemovePlaylistTrack(playlist.id);
  const queue = playable(playlist.tracks);

  const reorderProblem = reorder.isError
    ? isErrorCode(reorder.error, "PLAYLIST_ORDER_MISMATCH")
      ? playlistErrorMessages.PLAYLIST_ORDER_MISMATCH
      : `The new order wasn't saved, so the previous one is back. ${errorMessage(reorder.error)}`
    : null;

  return (
    <article className="page playlist-page">
      <div className="playlist-page__hero">
        <PlaylistCover artworkUrls={playlist.artworkUrls} label={`Cover of ${playlist.title}`} size="large" />
        <div className="playlist-page__heading">
          <p className="playlist-page__kind">
            Playlist
            <span className="track-badge track-badge--neutral">{visibilityLabels[playlist.visibility]}</span>
          </p>
          <h1>{playlist.title}</h1>
          <p className="playlist-page__owner">
            by <Link to={`/creators/${playlist.owner.username}`}>{creatorName(playlist.owner)}</Link>
          </p>
          {playlist.takedown ? <TakedownNotice takedown={playlist.takedown} noun="playlist" isOwner={isOwner} /> : null}
          {playlist.description ? <p className="playlist-page__description">{playlist.description}</p> : null}
          <p className="playlist-page__size">{formatPlaylistSize(playlist)}</p>
          <div className="form__actions playlist-page__actions">
            <button
              type="button"
              className="button playlist-page__play"
              aria-label="Play playlist"
              disabled={queue.length === 0}
              onClick={() => playTracks(queue, 0)}
            >
              <PlayerIcon name="play" />
              <span aria-hidden="true">Play</span>
            </button>
            <PlaylistLikeButton playlist={playlist} />
            <ReportButton
              subjectType="playlist"
              subjectId={playlist.id}
              ownerId={playlist.owner.id}
              ariaLabel="Report this playlist"
            />
            {isOwner ? (
              <>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={`Edit ${playlist.title}`}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </button>
                <DeletePlaylistButton playlist={playlist} onDeleted={() => navigate("/library", { replace: true })} />
              </>
            ) : null}
          </div>
        </div>
      </div>
      {editing ? <EditPlaylistDialog playlist={playlist} onClose={() => setEditing(false)} /> : null}
      {reorderProblem ? <ErrorAlert>{reorderProblem}</ErrorAlert> : null}
      {remove.isError ? <ErrorAlert>The track wasn't removed. {errorMessage(remove.error)}</ErrorAlert> : null}
      {playlist.tracks.length === 0 ? (
        <p className="empty-state">
          {isOwner
            ? "This playlist is empty. Add tracks with “Add to playlist” on any track."
            : "This playlist is empty."}
        </p>
      ) : (
        <PlaylistTrackList
          tracks={playlist.tracks}
          label={`Tracks of ${playlist.title}`}
          editable={isOwner}
          onMove={reorder.move}
          onRemove={(track) => remove.mutate(track.id)}
          removingId={remove.isPending ? remove.variables : undefined}
        />
      )}
    </article>
  );
}
