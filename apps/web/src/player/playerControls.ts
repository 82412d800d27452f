import type { RefObject } from "react";
import type { PlayerControls } from "./playerContext.ts";
import { currentTrackOf, hasNext, hasPrevious, type PlayerStore } from "./playerState.ts";

/** Within this many seconds of a track's start, Previous goes to the track before. */
const RESTART_THRESHOLD_SECONDS = 3;

/** Starts the element and reports what the browser refused (autoplay rules, a source gone bad). */
export function startAudio(audio: HTMLAudioElement, store: PlayerStore): void {
  const started = audio.play() as Promise<void> | undefined;
  started?.catch((error: unknown) => {
    // A newer load or pause interrupted this play(): nothing went wrong.
    if (error instanceof DOMException && error.name === "AbortError") return;
    if (error instanceof DOMException && error.name === "NotAllowedError") {
      store.dispatch({ type: "pause" });
      return;
    }
    store.dispatch({ type: "failed", message: "The browser could not play this track." });
  });
}

export function createPlayerControls(store: PlayerStore, audioRef: RefObject<HTMLAudioElement | null>): PlayerControls {
  const seek = (seconds: number) => {
    const state = store.getState();
    const limit = state.duration > 0 ? state.duration : Number.POSITIVE_INFINITY;
    const target = Math.min(limit, Math.max(0, seconds));
    if (audioRef.current) audioRef.current.currentTime = target;
    store.dispatch({ type: "time", currentTime: target });
  };

  return {
    playTracks: (tracks, index = 0, startAt = 0) => store.dispatch({ type: "load", queue: tracks, index, startAt }),

    togglePlay: () => {
      const state = store.getState();
      const audio = audioRef.current;
      if (!audio || !currentTrackOf(state)) return;
      if (state.playing) {
        audio.pause();
        store.dispatch({ type: "pause" });
      } else if (state.error !== null) {
        store.dispatch({ type: "reload", startAt: state.currentTime });
      } else {
        store.dispatch({ type: "play" });
        startAudio(audio, store);
      }
    },

    next: () => {
      const state = store.getState();
      if (hasNext(state)) store.dispatch({ type: "skip", index: state.index + 1 });
    },

    previous: () => {
      const state = store.getState();
      if (hasPrevious(state) && state.currentTime <= RESTART_THRESHOLD_SECONDS) {
        store.dispatch({ type: "skip", index: state.index - 1 });
      } else if (currentTrackOf(state)) {
        seek(0);
      }
    },

    seek,
    setVolume: (volume) => store.dispatch({ type: "volume", volume }),
    setNormalize: (on) => store.dispatch({ type: "normalize", on }),
  };
}
