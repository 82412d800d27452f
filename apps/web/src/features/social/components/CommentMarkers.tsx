import type { Track } from "@stave/contracts";
import { useId } from "react";
import { creatorName } from "../../../lib/creatorName.ts";
import { allComments, useComments } from "../hooks/useComments.ts";
import { useSeekTrack } from "../hooks/useSeekTrack.ts";
import { formatTimestamp } from "../socialText.ts";

/**
 * The loaded comments that have a moment, as marks under the waveform at that moment.
 * Hovering or focusing one shows the comment; clicking plays the track from there.
 */
export function CommentMarkers({ track }: { track: Track }) {
  const comments = useComments(track.id);
  const seekTo = useSeekTrack(track);
  const tipPrefix = useId();
  const durationMs = track.durationMs ?? 0;
  const timed = allComments(comments.data).filter(
    (comment) => comment.timestampMs !== null && comment.timestampMs <= durationMs,
  );
  if (track.status !== "ready" || durationMs <= 0 || timed.length === 0) return null;

  return (
    <ul className="comment-markers" aria-label="Comments on the waveform">
      {timed.map((comment) => {
        const at = comment.timestampMs ?? 0;
        const tipId = `${tipPrefix}-${comment.id}`;
        const author = creatorName(comment.author);
        const left = (at / durationMs) * 100;
        return (
          <li
            key={comment.id}
            // Near either edge the comment opens towards the middle, so it stays on screen.
            className={`comment-marker${left > 75 ? " comment-marker--end" : left < 25 ? " comment-marker--start" : ""}`}
            style={{ left: `${left}%` }}
          >
            <button
              type="button"
              className="comment-marker__dot"
              aria-label={`Comment by ${author} at ${formatTimestamp(at)}`}
              aria-describedby={tipId}
              onClick={() => seekTo(at / 1000)}
            >
              <span aria-hidden="true">{author.slice(0, 1).toUpperCase()}</span>
            </button>
            <span role="tooltip" id={tipId} className="comment-marker__tip">
              <strong>
                {author} at {formatTimestamp(at)}
              </strong>{" "}
              {comment.body}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
