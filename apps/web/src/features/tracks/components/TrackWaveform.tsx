import type { Track } from "@stave/contracts";
import { usePlayer, usePlayerSelector } from "../../../player/playerContext.ts";
import { currentTrackOf } from "../../../player/playerState.ts";
import { Waveform } from "./Waveform.tsx";

/** The track page's waveform, tied to the player: it shows the playhead and seeks, or starts the track where clicked. */
export function TrackWaveform({ track }: { track: Track }) {
  const { seek, playTracks } = usePlayer();
  const isCurrent = usePlayerSelector((state) => currentTrackOf(state)?.id === track.id);
  const currentTime = usePlayerSelector((state) => (currentTrackOf(state)?.id === track.id ? state.currentTime : 0));
  const playerDuration = usePlayerSelector((state) => (currentTrackOf(state)?.id === track.id ? state.duration : 0));

  if (!track.waveform || track.status !== "ready") {
    return <p className="waveform-placeholder">The waveform appears once the track has been processed.</p>;
  }
  const duration = playerDuration > 0 ? playerDuration : (track.durationMs ?? 0) / 1000;
  return (
    <Waveform
      peaks={track.waveform}
      duration={duration}
      currentTime={currentTime}
      label={`Position in ${track.title}`}
      onSeek={(seconds) => (isCurrent ? seek(seconds) : playTracks([track], 0, seconds))}
    />
  );
}
