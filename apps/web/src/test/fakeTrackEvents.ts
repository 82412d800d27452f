import type { TrackStatusEvent } from "@stave/contracts";
import type { TrackStatusListener } from "../features/tracks/index.ts";

const listeners = new Map<string, Set<TrackStatusListener>>();

/**
 * Stands in for features/tracks/services/trackEvents.ts, which needs a browser's
 * EventSource. In a test file:
 *
 *   vi.mock("…/features/tracks/services/trackEvents.ts", () => import("…/test/fakeTrackEvents.ts"));
 *
 * then drive the app with `trackEvents.emit(trackId, {status, progress, failureReason})`.
 */
export function subscribeToTrackStatus(trackId: string, listener: TrackStatusListener): () => void {
  const forTrack = listeners.get(trackId) ?? new Set<TrackStatusListener>();
  forTrack.add(listener);
  listeners.set(trackId, forTrack);
  return () => forTrack.delete(listener);
}

export const trackEvents = {
  /** Whether the app is listening for this track's events right now. */
  isSubscribed: (trackId: string) => (listeners.get(trackId)?.size ?? 0) > 0,
  /** Every track the app is listening to. */
  subscribedIds: () => [...listeners].filter(([, set]) => set.size > 0).map(([id]) => id),
  emit(trackId: string, event: TrackStatusEvent): void {
    for (const listener of [...(listeners.get(trackId) ?? [])]) listener.onStatus(event);
  },
  /** As if the browser could not open the stream. */
  fail(trackId: string): void {
    for (const listener of [...(listeners.get(trackId) ?? [])]) listener.onUnavailable();
  },
  reset(): void {
    listeners.clear();
  },
};
