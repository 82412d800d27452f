import { formatClock } from "../../lib/time.ts";

/** "1 like", "1,234 likes". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : plural}`;
}

/** A comment's place in the track, as the clock reads it: "1:23". */
export const formatTimestamp = (timestampMs: number) => formatClock(timestampMs / 1000);

/**
 * A time typed as a clock reads ("1:23", "1:02:45", or plain seconds "83") in seconds;
 * undefined for anything else.
 */
export function parseClock(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match;
  if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) return undefined;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}
