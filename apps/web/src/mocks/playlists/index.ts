import type { RequestHandler } from "msw";
import { defaultTracks } from "../tracks/index.ts";
import { playlistsHandlersFor } from "./handlers.ts";
import { type MockPlaylistsSeed, MockPlaylistsState } from "./state.ts";

export * from "./factories.ts";
export type { MockPlaylistsSeed, TrackChangeRefusal } from "./state.ts";
export { MockPlaylistsState } from "./state.ts";

export type MockPlaylists = { state: MockPlaylistsState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockPlaylistsState>();

/**
 * A stateful playlists API over a tracks API's tracks (and its signed-in user): creating,
 * editing, adding, removing and reordering stick, with the server's 404 (someone else's
 * private playlist) and 409 (already there, stale order) answers.
 */
export function createMockPlaylists(seed: Partial<MockPlaylistsSeed> = {}): MockPlaylists {
  const state = new MockPlaylistsState({ ...seed, tracks: seed.tracks ?? defaultTracks.state });
  created.add(state);
  return { state, handlers: playlistsHandlersFor(state) };
}

export function resetAllMockPlaylists(): void {
  for (const state of created) state.reset();
}

/** The app's default: nobody has a playlist yet. */
export const defaultPlaylists = createMockPlaylists();
