import type { HistoryEntry, TrackSummary } from "@stave/contracts";
import { Link } from "react-router";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDateTime } from "../../../lib/dates.ts";
import { formatDurationMs } from "../../../lib/time.ts";
import { PlayTrackButton } from "../../../player/PlayTrackButton.tsx";

type HistoryEntryItemProps = {
  entry: HistoryEntry;
  /** The playable tracks of the list, so playing one queues the rest after it. */
  queue: readonly TrackSummary[];
  onRemove: () => void;
  removing: boolean;
};

/** One play: what, by whom, when, for how long; and a way to take it out of the history. */
export function HistoryEntryItem({ entry, queue, onRemove, removing }: HistoryEntryItemProps) {
  const track = entry.track;
  const name = track?.title ?? "Unavailable track";
  const index = track ? queue.findIndex((candidate) => candidate.id === track.id) : -1;
  return (
    <li className="track-list__item history-entry" aria-label={name}>
      {track && index >= 0 ? (
        <PlayTrackButton tracks={queue} index={index} />
      ) : (
        <span className="play-button play-button--placeholder" aria-hidden="true" />
      )}
      <TrackArtwork artworkUrl={track?.artworkUrl ?? null} />
      <div className="track-list__main">
        {track ? (
          <>
            <Link to={`/tracks/${track.id}`} className="track-list__title">
              {track.title}
            </Link>
            <Link to={`/creators/${track.owner.username}`} className="track-list__creator">
              {creatorName(track.owner)}
            </Link>
          </>
        ) : (
          <>
            <span className="track-list__title history-entry__unavailable">Unavailable track</span>
            <span className="track-list__creator">This track is no longer available to you.</span>
          </>
        )}
      </div>
      <span className="track-list__meta">
        <time dateTime={entry.playedAt}>{formatDateTime(entry.playedAt)}</time>
      </span>
      <span className="track-list__meta track-list__duration" title="How long you listened">
        <span className="visually-hidden">Listened </span>
        {formatDurationMs(entry.listenedMs)}
      </span>
      <button
        type="button"
        className="icon-button history-entry__remove"
        aria-label={`Remove ${name} from history`}
        disabled={removing}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
