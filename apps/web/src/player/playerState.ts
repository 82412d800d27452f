import type { TrackSummary } from "@stave/contracts";

/** What the player knows. The <audio> element is the truth for time and playback; this mirrors it for the UI. */
export type PlayerState = {
  queue: readonly TrackSummary[];
  /** Position of the current track in `queue`, or -1 when nothing is loaded. */
  index: number;
  /** Meant to be playing: set at once on Play so the button answers before the audio does. */
  playing: boolean;
  /** Fetching the stream or waiting for data. */
  buffering: boolean;
  currentTime: number;
  duration: number;
  /** 0..1, as the person set it. */
  volume: number;
  /** Apply the track's loudness-normalisation gain. */
  normalize: boolean;
  error: string | null;
  /** Bumped for every (re)load of the current track: the engine loads a stream on each change. */
  loadId: number;
  /** Where to start the next load, in seconds. */
  startAt: number;
};

export type PlayerAction =
  | { type: "load"; queue: readonly TrackSummary[]; index: number; startAt: number }
  | { type: "skip"; index: number }
  | { type: "reload"; startAt: number }
  | { type: "play" }
  | { type: "pause" }
  | { type: "buffering"; buffering: boolean }
  | { type: "time"; currentTime: number }
  | { type: "duration"; duration: number }
  | { type: "ended" }
  | { type: "failed"; message: string }
  | { type: "volume"; volume: number }
  | { type: "normalize"; on: boolean };

export const initialPlayerState: PlayerState = {
  queue: [],
  index: -1,
  playing: false,
  buffering: false,
  currentTime: 0,
  duration: 0,
  volume: 1,
  normalize: true,
  error: null,
  loadId: 0,
  startAt: 0,
};

export const currentTrackOf = (state: PlayerState): TrackSummary | null => state.queue[state.index] ?? null;
export const hasNext = (state: PlayerState) => state.index >= 0 && state.index < state.queue.length - 1;
export const hasPrevious = (state: PlayerState) => state.index > 0;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The length we know before the audio does: the track's own. */
const knownDuration = (track: TrackSummary | undefined) => (track?.durationMs ?? 0) / 1000;

/** A fresh start of `queue[index]`, meaning to play. */
function startTrack(state: PlayerState, queue: readonly TrackSummary[], index: number, startAt: number): PlayerState {
  return {
    ...state,
    queue,
    index,
    playing: true,
    buffering: true,
    currentTime: startAt,
    duration: knownDuration(queue[index]),
    error: null,
    loadId: state.loadId + 1,
    startAt,
  };
}

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case "load":
      if (action.queue.length === 0) return state;
      return startTrack(state, action.queue, clamp(action.index, 0, action.queue.length - 1), action.startAt);
    case "skip":
      if (action.index < 0 || action.index >= state.queue.length) return state;
      return startTrack(state, state.queue, action.index, 0);
    case "reload":
      if (state.index < 0) return state;
      return startTrack(state, state.queue, state.index, action.startAt);
    case "play":
      return state.playing ? state : { ...state, playing: true };
    case "pause":
      return state.playing || state.buffering ? { ...state, playing: false, buffering: false } : state;
    case "buffering":
      return state.buffering === action.buffering ? state : { ...state, buffering: action.buffering };
    case "time":
      return state.currentTime === action.currentTime ? state : { ...state, currentTime: action.currentTime };
    case "duration":
      return state.duration === action.duration ? state : { ...state, duration: action.duration };
    case "ended":
      return { ...state, playing: false, buffering: false, currentTime: 0 };
    case "failed":
      return { ...state, playing: false, buffering: false, error: action.message };
    case "volume":
      return { ...state, volume: clamp(action.volume, 0, 1) };
    case "normalize":
      return { ...state, normalize: action.on };
  }
}

/** A tiny external store, so each component re-renders only for the slice it reads. */
export class PlayerStore {
  private state: PlayerState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: PlayerState = initialPlayerState) {
    this.state = initial;
  }

  getState = (): PlayerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch = (action: PlayerAction): void => {
    const next = playerReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  };
}
