import { formatClock } from "../lib/time.ts";
import { usePlayer, usePlayerSelector } from "./playerContext.ts";

/** Elapsed time, the seek slider and the length of the track. */
export function PlayerTimeline() {
  const { seek } = usePlayer();
  const currentTime = usePlayerSelector((state) => state.currentTime);
  const duration = usePlayerSelector((state) => state.duration);
  const loaded = usePlayerSelector((state) => state.index >= 0);
  const max = Math.max(0, Math.floor(duration));

  return (
    <div className="player-bar__timeline">
      <span className="player-bar__time" data-testid="player-current-time" data-seconds={currentTime.toFixed(2)}>
        {formatClock(currentTime)}
      </span>
      <input
        type="range"
        className="player-bar__seek"
        aria-label="Seek"
        min={0}
        max={max}
        step={1}
        value={Math.min(max, Math.floor(currentTime))}
        aria-valuetext={`${formatClock(currentTime)} of ${formatClock(duration)}`}
        disabled={!loaded || max === 0}
        onChange={(event) => seek(Number(event.target.value))}
      />
      <span className="player-bar__time" data-testid="player-duration">
        {formatClock(duration)}
      </span>
    </div>
  );
}
