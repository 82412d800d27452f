import type { RequestHandler } from "msw";
import { defaultAccounts } from "../accounts/index.ts";
import { privacyHandlersFor } from "./handlers.ts";
import { type MockPrivacySeed, MockPrivacyState } from "./state.ts";

export * from "./factories.ts";
export type { MockAccountDeletion, MockPrivacySeed } from "./state.ts";
export { MockPrivacyState } from "./state.ts";

export type MockPrivacy = { state: MockPrivacyState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockPrivacyState>();

/**
 * Data exports and account deletion over an accounts API's users: requested exports are
 * built by the next list call but one, the fourth in 24 hours is refused, and deleting the
 * account checks the password (and 2FA code), then signs out and removes the login.
 */
export function createMockPrivacy(seed: Partial<MockPrivacySeed> = {}): MockPrivacy {
  const state = new MockPrivacyState({ ...seed, accounts: seed.accounts ?? defaultAccounts.state });
  created.add(state);
  return { state, handlers: privacyHandlersFor(state) };
}

export function resetAllMockPrivacy(): void {
  for (const state of created) state.reset();
}

/** The app's default: nobody signed in, so no exports. */
export const defaultPrivacy = createMockPrivacy();
