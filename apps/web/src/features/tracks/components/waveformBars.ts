/**
 * ~1,000 peaks squeezed into `count` bars, each the loudest peak of its stretch (so a
 * short transient still shows), scaled so the track's loudest bar is full height (a
 * quiet master still shows its shape), never below a sliver so silence stays visible.
 */
export function waveformBars(peaks: readonly number[], count: number): number[] {
  const bars = Math.max(1, Math.min(count, peaks.length));
  if (peaks.length === 0) return [];
  const loudest = Array.from({ length: bars }, (_, bar) => {
    const start = Math.floor((bar * peaks.length) / bars);
    const end = Math.max(start + 1, Math.floor(((bar + 1) * peaks.length) / bars));
    let peak = 0;
    for (let index = start; index < end; index += 1) peak = Math.max(peak, peaks[index] ?? 0);
    return Math.min(1, peak);
  });
  const scale = Math.max(...loudest);
  return loudest.map((peak) => Math.max(0.03, scale > 0 ? peak / scale : 0));
}

/** How many of `bars` lie before the playhead. */
export function playedBars(bars: number, currentTime: number, duration: number): number {
  if (!(duration > 0)) return 0;
  return Math.round(Math.min(1, Math.max(0, currentTime / duration)) * bars);
}
