/**
 * Loudness normalisation by scaling the element's volume: gain (dB) → factor, applied
 * to the person's volume and clamped to 1. Turning a loud track down always works; a
 * quiet track is raised only as far as the volume slider leaves headroom. Chosen over a
 * Web Audio GainNode because a media element routed through an AudioContext goes silent
 * whenever the context is suspended (autoplay policies), and cannot be unrouted.
 */
export function effectiveVolume(volume: number, gainDb: number): number {
  const factor = 10 ** (gainDb / 20);
  return Math.min(1, Math.max(0, volume * factor));
}

/** "−4.5 dB", "+3.0 dB". */
export function formatGain(gainDb: number): string {
  const sign = gainDb > 0 ? "+" : gainDb < 0 ? "−" : "±";
  return `${sign}${Math.abs(gainDb).toFixed(1)} dB`;
}
