import type { TrackSummary } from "@stave/contracts";
import { usePlayer, usePlayerSelector } from "../../../player/playerContext.ts";
import { currentTrackOf } from "../../../player/playerState.ts";

/** Jumps to `seconds` into `track`: seeks when it is the player's track, else starts it there. */
export function useSeekTrack(track: TrackSummary): (seconds: number) => void {
  const { seek, playTracks } = usePlayer();
  const isCurrent = usePlayerSelector((state) => currentTrackOf(state)?.id === track.id);
  return (seconds) => (isCurrent ? seek(seconds) : playTracks([track], 0, seconds));
}
