import type { TrackSummary } from "@stave/contracts";

/** Enough covers for a 2×2 mosaic, as the server sends. */
const MOSAIC_SIZE = 4;

/** `items` with the one at `from` taken out and put back at `to` (both clamped into the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= items.length) return result;
  const target = Math.min(Math.max(0, to), items.length - 1);
  const [moved] = result.splice(from, 1);
  if (moved !== undefined) result.splice(target, 0, moved);
  return result;
}

/**
 * Where a dragged row lands when dropped on the row at `over`, in its upper half
 * (`before`) or lower half: the index it takes once it has left its own place.
 */
export function dropIndex(from: number, over: number, before: boolean): number {
  const slot = before ? over : over + 1;
  return slot > from ? slot - 1 : slot;
}

/** The covers of the first tracks that have one, as the server computes `artworkUrls`. */
export function mosaicOf(tracks: readonly TrackSummary[]): string[] {
  return tracks.flatMap((track) => (track.artworkUrl ? [track.artworkUrl] : [])).slice(0, MOSAIC_SIZE);
}
