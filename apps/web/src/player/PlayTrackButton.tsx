import type { TrackSummary } from "@stave/contracts";
import { PlayerIcon } from "./PlayerIcon.tsx";
import { usePlayer, usePlayerSelector } from "./playerContext.ts";
import { currentTrackOf } from "./playerState.ts";

type PlayTrackButtonProps = {
  /** The queue to play: the list the button sits in, so Next goes on through it. */
  tracks: readonly TrackSummary[];
  index: number;
  className?: string;
  /** Show "Play"/"Pause" next to the icon. */
  withText?: boolean;
};

/** Plays `tracks[index]` in the player bar, or pauses/resumes it when it is already the current track. */
export function PlayTrackButton({ tracks, index, className = "play-button", withText }: PlayTrackButtonProps) {
  const { playTracks, togglePlay } = usePlayer();
  const track = tracks[index];
  const isCurrent = usePlayerSelector((state) => track !== undefined && currentTrackOf(state)?.id === track.id);
  const playing = usePlayerSelector((state) => state.playing);
  if (!track) return null;
  const pausing = isCurrent && playing;
  const verb = pausing ? "Pause" : "Play";

  return (
    <button
      type="button"
      className={className}
      aria-label={`${verb} ${track.title}`}
      disabled={track.status !== "ready"}
      onClick={() => {
        if (isCurrent) {
          togglePlay();
          return;
        }
        // Queue only what can play: Next should never land on a track still processing.
        const playable = tracks.filter((candidate) => candidate.status === "ready");
        playTracks(playable, playable.indexOf(track));
      }}
    >
      <PlayerIcon name={pausing ? "pause" : "play"} />
      {withText ? <span aria-hidden="true">{verb}</span> : null}
    </button>
  );
}
