import type { Track } from "@stave/contracts";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { allComments, useComments } from "../hooks/useComments.ts";
import { CommentComposer } from "./CommentComposer.tsx";
import { CommentItem } from "./CommentItem.tsx";

/** The track page's comments: the composer, then the comments newest first, a page at a time. */
export function TrackComments({ track }: { track: Track }) {
  const comments = useComments(track.id);
  const items = allComments(comments.data);

  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <CommentComposer track={track} />
      {comments.isPending ? (
        <p className="loading">Loading comments…</p>
      ) : comments.isError ? (
        <LoadFailed what="the comments" query={comments} />
      ) : items.length === 0 ? (
        <p className="empty-state">No comments yet.</p>
      ) : (
        <>
          <ul className="comment-list" aria-labelledby="comments-heading">
            {items.map((comment) => (
              <CommentItem key={comment.id} track={track} comment={comment} />
            ))}
          </ul>
          <ShowMoreButton query={comments} label="Show more comments" />
        </>
      )}
    </section>
  );
}
