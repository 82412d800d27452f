import { type RefObject, useEffect, useSyncExternalStore } from "react";
import { ApiError } from "../lib/api.ts";
import { errorMessage } from "../lib/errorMessage.ts";
import type { AttachStream, StreamHandle } from "./hlsSource.ts";
import { effectiveVolume } from "./loudness.ts";
import type { PlayerApi } from "./playerApi.ts";
import { startAudio } from "./playerControls.ts";
import { currentTrackOf, hasNext, type PlayerState, type PlayerStore } from "./playerState.ts";

const useSlice = <T>(store: PlayerStore, selector: (state: PlayerState) => T) =>
  useSyncExternalStore(store.subscribe, () => selector(store.getState()));

/**
 * Keeps the <audio> element and the player's state in step: loads the current track's
 * stream on every (re)load, mirrors the element's events into the state, and applies
 * the volume with the loudness-normalisation gain.
 */
export function usePlaybackEngine(
  store: PlayerStore,
  audioRef: RefObject<HTMLAudioElement | null>,
  attachStream: AttachStream,
  fetchStreamUrl: PlayerApi["fetchStreamUrl"],
): void {
  const loadId = useSlice(store, (state) => state.loadId);
  const volume = useSlice(store, (state) => state.volume);
  const normalize = useSlice(store, (state) => state.normalize);
  const gainDb = useSlice(store, (state) => currentTrackOf(state)?.loudness?.normalizationGainDb ?? 0);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const on = (type: string, listener: () => void) => {
      audio.addEventListener(type, listener);
      return () => audio.removeEventListener(type, listener);
    };
    const offs = [
      on("play", () => store.dispatch({ type: "play" })),
      on("playing", () => store.dispatch({ type: "buffering", buffering: false })),
      on("waiting", () => store.dispatch({ type: "buffering", buffering: true })),
      on("pause", () => store.dispatch({ type: "pause" })),
      on("timeupdate", () => store.dispatch({ type: "time", currentTime: audio.currentTime })),
      on("durationchange", () => {
        if (Number.isFinite(audio.duration) && audio.duration > 0) {
          store.dispatch({ type: "duration", duration: audio.duration });
        }
      }),
      on("ended", () => {
        const state = store.getState();
        if (hasNext(state)) {
          store.dispatch({ type: "skip", index: state.index + 1 });
        } else {
          audio.currentTime = 0;
          store.dispatch({ type: "ended" });
        }
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [store, audioRef]);

  useEffect(() => {
    const audio = audioRef.current;
    const state = store.getState();
    const track = currentTrackOf(state);
    if (loadId === 0 || !audio || !track) return;
    const controller = new AbortController();
    let handle: StreamHandle | undefined;
    const fail = (message: string) => {
      if (!controller.signal.aborted) store.dispatch({ type: "failed", message });
    };

    // A fresh signed URL on every load: an old one may have expired while paused.
    fetchStreamUrl(track.id, controller.signal)
      .then(({ url }) => attachStream(audio, url, { onFatalError: fail }))
      .then((attached) => {
        if (controller.signal.aborted) {
          attached.destroy();
          return;
        }
        handle = attached;
        if (state.startAt > 0) audio.currentTime = state.startAt;
        if (store.getState().playing) startAudio(audio, store);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        fail(
          error instanceof ApiError || !(error instanceof Error)
            ? errorMessage(error, { TRACK_NOT_READY: "This track is still being processed. Try again in a moment." })
            : error.message,
        );
      });

    return () => {
      controller.abort();
      handle?.destroy();
    };
  }, [loadId, store, audioRef, attachStream, fetchStreamUrl]);

  useEffect(() => {
    const audio = audioRef.current;
    if (audio) audio.volume = effectiveVolume(volume, normalize ? gainDb : 0);
  }, [volume, normalize, gainDb, audioRef]);
}
