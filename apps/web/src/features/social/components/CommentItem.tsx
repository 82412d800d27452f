import type { TrackComment, TrackSummary } from "@stave/contracts";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useDeleteComment } from "../hooks/useComments.ts";
import { useSeekTrack } from "../hooks/useSeekTrack.ts";
import { creatorName, formatTimestamp } from "../socialText.ts";

/** One comment: who, when in the track (a button that plays from there), when written, and the text as written. */
export function CommentItem({ track, comment }: { track: TrackSummary; comment: TrackComment }) {
  const seekTo = useSeekTrack(track);
  const author = creatorName(comment.author);
  return (
    <li className="comment">
      <p className="comment__meta">
        <Link to={`/creators/${comment.author.username}`} className="comment__author">
          {author}
        </Link>
        {comment.timestampMs === null ? null : (
          <button
            type="button"
            className="link-button comment__at"
            aria-label={`Play from ${formatTimestamp(comment.timestampMs)}`}
            onClick={() => seekTo((comment.timestampMs ?? 0) / 1000)}
          >
            at {formatTimestamp(comment.timestampMs)}
          </button>
        )}
        <time className="comment__when" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt)}
        </time>
      </p>
      {/* Plain text, rendered as text: React escapes it, and CSS keeps its line breaks. */}
      <p className="comment__body">{comment.body}</p>
      {comment.canDelete ? <DeleteComment trackId={track.id} comment={comment} author={author} /> : null}
    </li>
  );
}

/** Delete, after asking in place; focus goes to the safe answer. */
function DeleteComment({ trackId, comment, author }: { trackId: string; comment: TrackComment; author: string }) {
  const remove = useDeleteComment(trackId);
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="link-button comment__delete"
        aria-label={`Delete comment by ${author}`}
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  }
  return (
    <fieldset className="comment__confirm">
      <legend>Delete this comment?</legend>
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate(comment.id)}
      >
        {remove.isPending ? "Deleting…" : "Delete for good"}
      </button>
      <button ref={keepRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {remove.isError ? <ErrorAlert>The comment wasn't deleted. {errorMessage(remove.error)}</ErrorAlert> : null}
    </fieldset>
  );
}
