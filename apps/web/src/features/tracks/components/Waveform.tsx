import type { KeyboardEvent, MouseEvent } from "react";
import { formatClock } from "../../../lib/time.ts";
import { playedBars, waveformBars } from "./waveformBars.ts";

type WaveformProps = {
  /** Peaks in 0..1, as Track.waveform has them. */
  peaks: readonly number[];
  /** Seconds. */
  duration: number;
  currentTime: number;
  onSeek: (seconds: number) => void;
  /** The slider's accessible name. */
  label?: string;
  bars?: number;
};

const SMALL_STEP_SECONDS = 5;
const BAR_WIDTH = 3;
const BAR_GAP = 1;

/**
 * The track drawn as bars, the played part in the accent colour. It is the seek slider
 * too: click a point, or use the arrow keys (±5 s), Page Up/Down (±10 %), Home and End.
 */
export function Waveform({
  peaks,
  duration,
  currentTime,
  onSeek,
  label = "Track position",
  bars = 160,
}: WaveformProps) {
  const heights = waveformBars(peaks, bars);
  const played = playedBars(heights.length, currentTime, duration);
  const max = Math.max(0, duration);
  const seekTo = (seconds: number) => onSeek(Math.min(max, Math.max(0, seconds)));

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || max === 0) return;
    seekTo(((event.clientX - box.left) / box.width) * max);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const bigStep = Math.max(SMALL_STEP_SECONDS, max / 10);
    const targets: Record<string, number> = {
      ArrowRight: currentTime + SMALL_STEP_SECONDS,
      ArrowUp: currentTime + SMALL_STEP_SECONDS,
      ArrowLeft: currentTime - SMALL_STEP_SECONDS,
      ArrowDown: currentTime - SMALL_STEP_SECONDS,
      PageUp: currentTime + bigStep,
      PageDown: currentTime - bigStep,
      Home: 0,
      End: max,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    seekTo(target);
  }

  const width = heights.length * (BAR_WIDTH + BAR_GAP);
  return (
    // A slider drawn from the track's own peaks: <input type="range"> cannot show them.
    <div
      className="waveform"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(max)}
      aria-valuenow={Math.round(Math.min(max, Math.max(0, currentTime)))}
      aria-valuetext={`${formatClock(currentTime)} of ${formatClock(max)}`}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <svg viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {heights.map((height, index) => {
          const barHeight = height * 100;
          return (
            <rect
              // The bars never reorder: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional
              key={index}
              className={index < played ? "waveform__bar waveform__bar--played" : "waveform__bar"}
              data-played={index < played ? "true" : undefined}
              x={index * (BAR_WIDTH + BAR_GAP)}
              y={(100 - barHeight) / 2}
              width={BAR_WIDTH}
              height={barHeight}
            />
          );
        })}
      </svg>
    </div>
  );
}
