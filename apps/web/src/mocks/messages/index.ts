import type { RequestHandler } from "msw";
import { defaultAccounts } from "../accounts/index.ts";
import { messagesHandlersFor } from "./handlers.ts";
import { type MockMessagesSeed, MockMessagesState } from "./state.ts";

export * from "./factories.ts";
export type { MockMessagesSeed } from "./state.ts";
export { MockMessagesState } from "./state.ts";

export type MockMessages = { state: MockMessagesState; handlers: RequestHandler[] };

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockMessagesState>();

/**
 * Notifications, conversations, messages and blocks over an accounts API's users: what
 * is sent shows up in the thread and the list, reading clears the counts, blocking stops
 * messages both ways. In a browser it also serves the live event stream.
 */
export function createMockMessages(seed: Partial<MockMessagesSeed> = {}): MockMessages {
  const state = new MockMessagesState({ ...seed, accounts: seed.accounts ?? defaultAccounts.state });
  created.add(state);
  return { state, handlers: messagesHandlersFor(state) };
}

export function resetAllMockMessages(): void {
  for (const state of created) state.reset();
}

/** The app's default: nobody signed in, so nothing to show. */
export const defaultMessages = createMockMessages();
