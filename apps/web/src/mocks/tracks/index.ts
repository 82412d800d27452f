import type { RequestHandler } from "msw";
import { defaultAccounts } from "../accounts/index.ts";
import { tracksHandlersFor } from "./handlers.ts";
import { type MockTracksSeed, MockTracksState } from "./state.ts";

export * from "./factories.ts";
export type { MockTracksSeed } from "./state.ts";
export { FAILED_DECODE_REASON, MockTracksState } from "./state.ts";

export type MockTracks = { state: MockTracksState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockTracksState>();

/**
 * A stateful tracks API: uploads land in the lists, edits stick, and a pretend worker
 * takes each upload through processing to ready (or failed) over `processingMs`.
 * Who is signed in comes from `seed.accounts` (see `createMockApi` to build both).
 */
export function createMockTracks(seed: MockTracksSeed = {}): MockTracks {
  const state = new MockTracksState(seed, seed.accounts ?? defaultAccounts.state);
  created.add(state);
  return { state, handlers: tracksHandlersFor(state) };
}

export function resetAllMockTracks(): void {
  for (const state of created) state.reset();
}

/** The app's default: a few public tracks, uploads refused until someone signs in. */
export const defaultTracks = createMockTracks();
