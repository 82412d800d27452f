import type { TrackSummary } from "@stave/contracts";
import { useId } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { formatDurationMs, formatPlayCount } from "../../../lib/time.ts";
import { visibilityLabels } from "../../../lib/visibility.ts";
import { TakedownNotice } from "../../moderation/index.ts";
import { useRetryTrack } from "../hooks/useTrackMutations.ts";
import { DeleteTrackButton } from "./DeleteTrackButton.tsx";
import { useTrackEditor } from "./TrackEditor.tsx";
import { TrackStatusBadge } from "./TrackStatusBadge.tsx";

/** One of my tracks: its state, and edit, delete and (when it failed) retry. */
export function MyTrackItem({ track }: { track: TrackSummary }) {
  const editor = useTrackEditor(track);
  const retry = useRetryTrack(track.id);
  const titleId = useId();

  return (
    <li className="my-track" aria-labelledby={titleId}>
      <div className="my-track__row">
        <TrackArtwork artworkUrl={track.artworkUrl} />
        <div className="item-list__main">
          <p className="item-list__title">
            <Link id={titleId} to={`/tracks/${track.id}`}>
              {track.title}
            </Link>
            <TrackStatusBadge track={track} />
            <span className="track-badge track-badge--neutral">{visibilityLabels[track.visibility]}</span>
          </p>
          <p className="item-list__meta">
            {formatDurationMs(track.durationMs)} · {formatPlayCount(track.playCount)} · uploaded{" "}
            <time dateTime={track.createdAt}>{formatDateTime(track.createdAt)}</time>
          </p>
          {track.status === "failed" ? (
            <p className="my-track__failure">{track.failureReason ?? "Processing failed."}</p>
          ) : null}
          {track.takedown ? <TakedownNotice takedown={track.takedown} noun="track" isOwner /> : null}
          {retry.isError ? <ErrorAlert>The retry didn't start. {errorMessage(retry.error)}</ErrorAlert> : null}
        </div>
        <div className="form__actions my-track__actions">
          {track.status === "failed" ? (
            <button
              type="button"
              className="button"
              aria-label={`Retry ${track.title}`}
              disabled={retry.isPending}
              onClick={() => retry.mutate()}
            >
              {retry.isPending ? "Retrying…" : "Retry"}
            </button>
          ) : null}
          {editor.editButton}
          <DeleteTrackButton track={track} />
        </div>
      </div>
      {editor.form}
    </li>
  );
}
