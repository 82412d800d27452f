import type { TrackSocial, TrackSummary } from "@stave/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDurationMs, formatPlayCount } from "../../../lib/time.ts";
import { PlayTrackButton } from "../../../player/PlayTrackButton.tsx";
import { AddToPlaylistMenu } from "../../playlists/index.ts";
import { TrackSocialButtons } from "../../social/index.ts";

type TrackListProps = {
  tracks: readonly TrackSummary[];
  /** Names the list, e.g. "Latest tracks". */
  label: string;
  /** Leave out the creator where the whole list is theirs. */
  showCreator?: boolean;
  /** A line above a track's title, e.g. why the feed shows it. */
  note?: (track: TrackSummary, index: number) => ReactNode;
  /** Like and repost counts the list already has (a feed or likes page); others are fetched per track. */
  socialOf?: (track: TrackSummary, index: number) => TrackSocial | undefined;
};

/** Tracks with a play button each; playing one queues the whole list from there. */
export function TrackList({ tracks, label, showCreator = true, note, socialOf }: TrackListProps) {
  return (
    <ul className="track-list" aria-label={label}>
      {tracks.map((track, index) => (
        <li key={track.id} className="track-list__item">
          <PlayTrackButton tracks={tracks} index={index} />
          <TrackArtwork artworkUrl={track.artworkUrl} />
          <div className="track-list__main">
            {note?.(track, index)}
            <Link to={`/tracks/${track.id}`} className="track-list__title">
              {track.title}
            </Link>
            {showCreator ? (
              <Link to={`/creators/${track.owner.username}`} className="track-list__creator">
                {creatorName(track.owner)}
              </Link>
            ) : null}
          </div>
          <span className="track-list__meta">{track.genre}</span>
          <span className="track-list__meta">{formatPlayCount(track.playCount)}</span>
          <span className="track-list__meta track-list__duration">{formatDurationMs(track.durationMs)}</span>
          <TrackSocialButtons track={track} initial={socialOf?.(track, index)} />
          <AddToPlaylistMenu track={track} variant="icon" />
        </li>
      ))}
    </ul>
  );
}
