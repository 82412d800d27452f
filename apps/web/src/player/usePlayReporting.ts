import { useQueryClient } from "@tanstack/react-query";
import { type RefObject, useEffect, useState, useSyncExternalStore } from "react";
import type { PlayerApi } from "./playerApi.ts";
import { currentTrackOf, type PlayerStore } from "./playerState.ts";
import { PlayReporter } from "./playReporter.ts";

/** How often progress is reported while a track plays (and always on pause and at the end). */
export const PROGRESS_REPORT_MS = 10_000;

/**
 * Reports plays to the server: the start when a track starts sounding, then the time heard
 * every `intervalMs` and on pause, end, and when another track loads.
 */
export function usePlayReporting(
  store: PlayerStore,
  audioRef: RefObject<HTMLAudioElement | null>,
  api: PlayerApi,
  intervalMs = PROGRESS_REPORT_MS,
): void {
  const queryClient = useQueryClient();
  const [reporter] = useState(() => new PlayReporter(api, () => api.playStarted(queryClient)));
  const loadId = useSyncExternalStore(store.subscribe, () => store.getState().loadId);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const handlers: [string, () => void][] = [
      [
        "playing",
        () => {
          const state = store.getState();
          const track = currentTrackOf(state);
          if (track) reporter.playing(track.id, state.loadId, audio.currentTime);
        },
      ],
      ["timeupdate", () => reporter.timeUpdate(audio.currentTime, store.getState().playing)],
      ["seeked", () => reporter.seeked(audio.currentTime)],
      ["pause", () => reporter.paused()],
      ["ended", () => reporter.end()],
    ];
    for (const [type, handler] of handlers) audio.addEventListener(type, handler);
    const timer = setInterval(() => reporter.flush(), intervalMs);
    return () => {
      for (const [type, handler] of handlers) audio.removeEventListener(type, handler);
      clearInterval(timer);
    };
  }, [store, audioRef, reporter, intervalMs]);

  // Every (re)load is a new play: the one before it ends here, with its last report.
  useEffect(() => reporter.loaded(loadId), [loadId, reporter]);

  // Leaving the app (or unmounting the player) ends the play with a last report.
  useEffect(() => () => reporter.end(), [reporter]);
}
