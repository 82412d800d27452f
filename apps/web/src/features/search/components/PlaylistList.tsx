import type { PlaylistSummary } from "@stave/contracts";
import { Link } from "react-router";
import { TrackArtwork } from "../../../components/TrackArtwork.tsx";
import { creatorName } from "../../../lib/creatorName.ts";
import { formatDurationMs } from "../../../lib/time.ts";
import { formatTrackCount } from "../searchText.ts";

/** Playlists found by a search: title, owner and size, each linking to the playlist. */
export function PlaylistList({ playlists, label }: { playlists: readonly PlaylistSummary[]; label: string }) {
  return (
    <ul className="track-list" aria-label={label}>
      {playlists.map((playlist) => (
        <li key={playlist.id} className="track-list__item">
          <TrackArtwork artworkUrl={playlist.artworkUrls[0] ?? null} />
          <div className="track-list__main">
            <Link to={`/playlists/${playlist.id}`} className="track-list__title">
              {playlist.title}
            </Link>
            <Link to={`/creators/${playlist.owner.username}`} className="track-list__creator">
              {creatorName(playlist.owner)}
            </Link>
          </div>
          <span className="track-list__meta">{formatTrackCount(playlist.trackCount)}</span>
          <span className="track-list__meta track-list__duration">{formatDurationMs(playlist.durationMs)}</span>
        </li>
      ))}
    </ul>
  );
}
