import { Link } from "react-router";
import { creatorName } from "../lib/creatorName.ts";
import { PlayerIcon } from "./PlayerIcon.tsx";
import { PlayerTimeline } from "./PlayerTimeline.tsx";
import { PlayerVolume } from "./PlayerVolume.tsx";
import { usePlayer, usePlayerSelector } from "./playerContext.ts";
import { currentTrackOf, hasNext } from "./playerState.ts";

/**
 * The persistent player at the bottom of every page: what is playing, play/pause,
 * previous/next in the queue, a seek bar, volume and loudness normalisation.
 */
export function PlayerBar() {
  const controls = usePlayer();
  const track = usePlayerSelector(currentTrackOf);
  const playing = usePlayerSelector((state) => state.playing);
  const buffering = usePlayerSelector((state) => state.buffering);
  const canGoNext = usePlayerSelector(hasNext);
  const error = usePlayerSelector((state) => state.error);

  return (
    // A page-level <footer> is the contentinfo landmark, which may carry a label; biome
    // checks <footer> as if it were always generic.
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: contentinfo supports aria-label
    <footer className="player-bar" aria-label="Player" aria-busy={buffering || undefined}>
      <div className="player-bar__now-playing">
        {track ? (
          <>
            <Link to={`/tracks/${track.id}`} className="player-bar__title">
              {track.title}
            </Link>
            <Link to={`/creators/${track.owner.username}`} className="player-bar__creator">
              {creatorName(track.owner)}
            </Link>
          </>
        ) : (
          <span className="player-bar__title player-bar__title--idle">Nothing playing</span>
        )}
      </div>
      <div className="player-bar__center">
        <div className="player-bar__controls">
          <button type="button" aria-label="Previous" disabled={!track} onClick={controls.previous}>
            <PlayerIcon name="previous" />
          </button>
          <button
            type="button"
            className="player-bar__play"
            aria-label={playing ? "Pause" : "Play"}
            disabled={!track}
            onClick={controls.togglePlay}
          >
            <PlayerIcon name={playing ? "pause" : "play"} />
          </button>
          <button type="button" aria-label="Next" disabled={!canGoNext} onClick={controls.next}>
            <PlayerIcon name="next" />
          </button>
        </div>
        <PlayerTimeline />
        {error ? (
          <p role="alert" className="player-bar__error">
            {error}
          </p>
        ) : null}
      </div>
      <PlayerVolume />
    </footer>
  );
}
