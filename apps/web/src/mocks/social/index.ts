import type { RequestHandler } from "msw";
import { defaultPlaylists } from "../playlists/index.ts";
import { defaultTracks } from "../tracks/index.ts";
import { socialHandlersFor } from "./handlers.ts";
import { type MockSocialSeed, MockSocialState } from "./state.ts";

export * from "./factories.ts";
export type { MockSocialSeed, RepostRefusal } from "./state.ts";
export { MockSocialState } from "./state.ts";

export type MockSocial = { state: MockSocialState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockSocialState>();

/**
 * A stateful social API over a tracks API's tracks and a playlists API's playlists (and
 * their signed-in user): likes, reposts, comments and follows stick and every answer
 * carries the new counts, with the server's refusals the app shows (reposting your own
 * track or one that is not public, commenting unverified).
 */
export function createMockSocial(seed: Partial<MockSocialSeed> = {}): MockSocial {
  const state = new MockSocialState({
    ...seed,
    tracks: seed.tracks ?? defaultTracks.state,
    playlists: seed.playlists ?? defaultPlaylists.state,
  });
  created.add(state);
  return { state, handlers: socialHandlersFor(state) };
}

export function resetAllMockSocial(): void {
  for (const state of created) state.reset();
}

/** The app's default: nobody has liked, reposted, commented on or followed anything yet. */
export const defaultSocial = createMockSocial();
