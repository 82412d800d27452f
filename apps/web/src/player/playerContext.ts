import type { TrackSummary } from "@stave/contracts";
import { createContext, useContext, useSyncExternalStore } from "react";
import type { PlayerState, PlayerStore } from "./playerState.ts";

export type PlayerControls = {
  /** Replaces the queue with `tracks` and plays `tracks[index]`, from `startAt` seconds. */
  playTracks: (tracks: readonly TrackSummary[], index?: number, startAt?: number) => void;
  /** Play/pause the current track; after a failure, tries it again where it stopped. */
  togglePlay: () => void;
  next: () => void;
  /** Back to the start of the track, or to the previous one within its first seconds. */
  previous: () => void;
  seek: (seconds: number) => void;
  setVolume: (volume: number) => void;
  setNormalize: (on: boolean) => void;
};

export type PlayerContextValue = { store: PlayerStore; controls: PlayerControls };

export const PlayerContext = createContext<PlayerContextValue | null>(null);

function usePlayerContext(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error("The player is used outside <PlayerProvider> (AppLayout provides it)");
  return value;
}

/** Play, pause, skip, seek…: stable for the life of the player. */
export function usePlayer(): PlayerControls {
  return usePlayerContext().controls;
}

/**
 * One slice of the player's state; the component re-renders only when it changes.
 * Return primitives or objects the state already holds, never a fresh object.
 */
export function usePlayerSelector<T>(selector: (state: PlayerState) => T): T {
  const { store } = usePlayerContext();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
