import type { RequestHandler } from "msw";
import { searchHandlersFor } from "./handlers.ts";
import { type MockSearchSeed, MockSearchState } from "./state.ts";

export * from "./factories.ts";
export { fold, parseQuery } from "./matching.ts";
export type { MockSearchSeed } from "./state.ts";
export { MockSearchState } from "./state.ts";

export type MockSearch = { state: MockSearchState; handlers: RequestHandler[] };

/**
 * A search API over a small catalogue: accent-insensitive words, the last one as a prefix,
 * "did you mean" for a misspelt word ("beethovn" → "beethoven"), keyset pages per type.
 * It only reads its sources, so there is nothing to reset between tests.
 */
export function createMockSearch(seed: MockSearchSeed = {}): MockSearch {
  const state = new MockSearchState(seed);
  return { state, handlers: searchHandlersFor(state) };
}

/** Just the handlers, for `parameters.msw.handlers.search` and `server.use(...)`. */
export function searchHandlers(seed: MockSearchSeed = {}): RequestHandler[] {
  return createMockSearch(seed).handlers;
}

/** The app's default: the search catalogue (piano classics, French titles, night tracks, playlists). */
export const defaultSearch = createMockSearch();
