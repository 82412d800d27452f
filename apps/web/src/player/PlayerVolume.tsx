import { useId } from "react";
import { formatGain } from "./loudness.ts";
import { PlayerIcon } from "./PlayerIcon.tsx";
import { usePlayer, usePlayerSelector } from "./playerContext.ts";
import { currentTrackOf } from "./playerState.ts";

/** The volume slider and the loudness-normalisation switch, with the gain it applies. */
export function PlayerVolume() {
  const { setVolume, setNormalize } = usePlayer();
  const volume = usePlayerSelector((state) => state.volume);
  const normalize = usePlayerSelector((state) => state.normalize);
  const gainDb = usePlayerSelector((state) => currentTrackOf(state)?.loudness?.normalizationGainDb ?? null);
  const gainId = useId();
  const percent = Math.round(volume * 100);

  return (
    <div className="player-bar__volume">
      <PlayerIcon name="volume" size={18} />
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={100}
        step={5}
        value={percent}
        aria-valuetext={`${percent}%`}
        onChange={(event) => setVolume(Number(event.target.value) / 100)}
      />
      <label className="player-bar__normalize">
        <input
          type="checkbox"
          checked={normalize}
          onChange={(event) => setNormalize(event.target.checked)}
          aria-describedby={gainId}
        />
        Normalize loudness
      </label>
      <span id={gainId} className="player-bar__gain" data-testid="player-applied-gain">
        {normalize && gainDb !== null ? formatGain(gainDb) : "No gain applied"}
      </span>
    </div>
  );
}
