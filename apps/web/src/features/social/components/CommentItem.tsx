import type { TrackComment, TrackSummary } from "@stave/contracts";
import { Link } from "react-router";
import { ConfirmAction } from "../../../components/ConfirmAction.tsx";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDateTime } from "../../../lib/dates.ts";
import { useMe } from "../../auth/index.ts";
import { ReportButton, TakedownNotice } from "../../moderation/index.ts";
import { useDeleteComment } from "../hooks/useComments.ts";
import { useSeekTrack } from "../hooks/useSeekTrack.ts";
import { formatTimestamp } from "../socialText.ts";

/** One comment: who, when in the track (a button that plays from there), when written, and the text as written. */
export function CommentItem({ track, comment }: { track: TrackSummary; comment: TrackComment }) {
  const seekTo = useSeekTrack(track);
  const author = creatorName(comment.author);
  const isAuthor = useMe().data?.id === comment.author.id;
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
      {comment.takedown ? <TakedownNotice takedown={comment.takedown} noun="comment" isOwner={isAuthor} /> : null}
      {comment.canDelete ? <DeleteComment trackId={track.id} comment={comment} author={author} /> : null}
      <ReportButton
        subjectType="comment"
        subjectId={comment.id}
        ownerId={comment.author.id}
        ariaLabel={`Report comment by ${author}`}
        className="link-button comment__report"
      />
    </li>
  );
}

/** Delete, after asking in place; focus goes to the safe answer. */
function DeleteComment({ trackId, comment, author }: { trackId: string; comment: TrackComment; author: string }) {
  const remove = useDeleteComment(trackId);
  return (
    <ConfirmAction
      className="comment__confirm"
      label="Delete"
      labelAriaLabel={`Delete comment by ${author}`}
      labelClassName="link-button comment__delete"
      question="Delete this comment?"
      confirmLabel="Delete for good"
      pendingLabel="Deleting…"
      cancelLabel="Keep it"
      onConfirm={() => remove.mutate(comment.id)}
      pending={remove.isPending}
      error={remove.error}
      failure="The comment wasn't deleted."
    />
  );
}
