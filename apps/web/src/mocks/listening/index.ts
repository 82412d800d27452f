import type { RequestHandler } from "msw";
import { defaultTracks } from "../tracks/index.ts";
import { listeningHandlersFor } from "./handlers.ts";
import { type MockListeningSeed, MockListeningState } from "./state.ts";

export * from "./factories.ts";
export type { MockListeningSeed } from "./state.ts";
export { MockListeningState } from "./state.ts";

export type MockListening = { state: MockListeningState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockListeningState>();

/**
 * Plays, histories and creator stats over a tracks API's tracks (and its signed-in user):
 * a play the player starts lands in the history, one that reaches its threshold counts
 * towards the track's plays and today's stats.
 */
export function createMockListening(seed: Partial<MockListeningSeed> = {}): MockListening {
  const state = new MockListeningState({ ...seed, tracks: seed.tracks ?? defaultTracks.state });
  created.add(state);
  return { state, handlers: listeningHandlersFor(state) };
}

export function resetAllMockListening(): void {
  for (const state of created) state.reset();
}

/** The app's default: plays are accepted and counted, nobody has a history yet. */
export const defaultListening = createMockListening();
