import type { RequestHandler } from "msw";
import { authHandlers } from "./authHandlers.ts";
import { meHandlers } from "./meHandlers.ts";
import { type MockAccountsSeed, MockAccountsState } from "./state.ts";
import { tokenHandlers } from "./tokenHandlers.ts";

export * from "./factories.ts";
export type { MockAccountsSeed, MockUser } from "./state.ts";
export { MockAccountsState } from "./state.ts";

export type MockAccounts = { state: MockAccountsState; handlers: RequestHandler[] };

// Every mocked accounts API ever made, so tests and stories can put them all back to
// their seeds between runs: the state lives in the handlers' closures, where MSW's
// resetHandlers() cannot reach it.
const created = new Set<MockAccountsState>();

/** A stateful accounts API: sign in, register, change settings… and see it stick. */
export function createMockAccounts(seed: MockAccountsSeed = {}): MockAccounts {
  const state = new MockAccountsState(seed);
  created.add(state);
  return { state, handlers: [...authHandlers(state), ...meHandlers(state), ...tokenHandlers(state)] };
}

/** Just the handlers, for `parameters.msw.handlers.accounts` and `server.use(...)`. */
export function accountsHandlers(seed: MockAccountsSeed = {}): RequestHandler[] {
  return createMockAccounts(seed).handlers;
}

export function resetAllMockAccounts(): void {
  for (const state of created) state.reset();
}

/** The app's default: signed out, with ada and grace able to sign in. */
export const defaultAccounts = createMockAccounts();
