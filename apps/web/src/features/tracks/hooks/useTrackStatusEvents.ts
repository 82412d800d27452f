import type { TrackStatusEvent } from "@stave/contracts";
import { useEffect, useRef } from "react";
import { ApiError } from "../../../lib/api.ts";
import { subscribeToTrackStatus } from "../services/trackEvents.ts";
import { fetchTrack } from "../services/tracksApi.ts";
import { isFinalStatus } from "../trackStatus.ts";

const POLL_MS = 3000;

/**
 * Calls `onStatus` with each processing update of `trackId` while `active`: live from
 * the event stream, or by polling the track when the stream is unavailable. Stops by
 * itself once the track is ready or failed.
 */
export function useTrackStatusEvents(
  trackId: string | undefined,
  active: boolean,
  onStatus: (event: TrackStatusEvent) => void,
): void {
  // The latest callback without re-subscribing whenever the caller re-renders.
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;

  useEffect(() => {
    if (!trackId || !active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();

    const deliver = (event: TrackStatusEvent) => {
      if (stopped) return;
      onStatusRef.current(event);
      if (isFinalStatus(event.status)) stop();
    };
    const poll = () => {
      fetchTrack(trackId, controller.signal)
        .then(({ status, progress, failureReason }) => deliver({ status, progress, failureReason }))
        // A 4xx (the track was deleted, the session ended) will not get better by asking again.
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status < 500) stop();
        })
        .finally(() => {
          if (!stopped) timer = setTimeout(poll, POLL_MS);
        });
    };
    let unsubscribe = () => {};
    unsubscribe = subscribeToTrackStatus(trackId, {
      onStatus: deliver,
      onUnavailable: () => {
        if (!stopped) poll();
      },
    });
    if (stopped) unsubscribe();
    function stop() {
      stopped = true;
      unsubscribe();
      controller.abort();
      clearTimeout(timer);
    }
    return stop;
  }, [trackId, active]);
}
