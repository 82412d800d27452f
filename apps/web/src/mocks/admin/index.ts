import type { RequestHandler } from "msw";
import { defaultSocial } from "../social/index.ts";
import { adminSettingsHandlers, instanceInfoHandlers } from "./instanceHandlers.ts";
import { moderationHandlers } from "./moderationHandlers.ts";
import { adminOperationsHandlers } from "./operationsHandlers.ts";
import { type MockAdminSeed, MockAdminState } from "./state.ts";
import { adminUsersHandlers } from "./usersHandlers.ts";

export * from "./factories.ts";
export { presentReport } from "./moderation.ts";
export type { MockAdminSeed } from "./state.ts";
export { MOCK_VERSION, MockAdminState } from "./state.ts";

export type MockAdmin = {
  state: MockAdminState;
  /** /api/v1/admin/* but reports: users, settings, invites, stats, jobs and the audit log (admins only). */
  handlers: RequestHandler[];
  /** Reporting (anyone signed in), and the moderation queue, takedowns and restores (moderators and admins). */
  moderationHandlers: RequestHandler[];
  /** `GET /api/v1/instance` from the same settings, so what an admin saves is what the app shows. */
  instanceHandlers: RequestHandler[];
};

// As with the accounts: the state lives in closures MSW's resetHandlers() cannot reach.
const created = new Set<MockAdminState>();

/**
 * A stateful admin and moderation API over a social API's tracks, comments and playlists
 * (and its accounts and signed-in user): role changes, suspensions, settings, invites,
 * reports and takedowns stick, with the 403s and 409s the pages show. The instance's
 * registration mode and invites also decide who may register with the accounts API.
 */
export function createMockAdmin(seed: Partial<MockAdminSeed> = {}): MockAdmin {
  const state = new MockAdminState({ ...seed, social: seed.social ?? defaultSocial.state });
  created.add(state);
  return {
    state,
    handlers: [...adminUsersHandlers(state), ...adminSettingsHandlers(state), ...adminOperationsHandlers(state)],
    moderationHandlers: moderationHandlers(state),
    instanceHandlers: instanceInfoHandlers(state),
  };
}

export function resetAllMockAdmin(): void {
  for (const state of created) state.reset();
}

/** The app's default: an open instance with no reports; the admin pages refuse anyone but admins (and moderators). */
export const defaultAdmin = createMockAdmin();
