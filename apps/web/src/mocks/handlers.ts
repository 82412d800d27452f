import type { InstanceInfo } from "@stave/contracts";
import { HttpResponse, http, type RequestHandler } from "msw";
import { createMockAccounts, defaultAccounts, type MockAccounts, type MockAccountsSeed } from "./accounts/index.ts";
import { createMockTracks, defaultTracks, type MockTracks, type MockTracksSeed } from "./tracks/index.ts";

export * from "./accounts/index.ts";
export { buildErrorEnvelope, errorResponse, validationFailed } from "./errors.ts";
export * from "./tracks/index.ts";

/** Typed builders so every mocked body matches its contract at compile time. */
export function buildInstanceInfo(overrides: Partial<InstanceInfo> = {}): InstanceInfo {
  return { name: "Stave", version: "0.1.0", ...overrides };
}

export const instanceHandlers = [http.get("/api/v1/instance", () => HttpResponse.json(buildInstanceInfo()))];

/**
 * Keyed by domain so a story can replace one domain's handlers
 * (`parameters.msw.handlers.instance`) and keep the rest.
 * Accounts start signed out; `accountsHandlers({ me: buildVerifiedUser() })` signs someone in.
 */
export const handlersByDomain = {
  instance: instanceHandlers,
  accounts: defaultAccounts.handlers,
  tracks: defaultTracks.handlers,
};

export const handlers = Object.values(handlersByDomain).flat();

export type MockApi = {
  accounts: MockAccounts;
  tracks: MockTracks;
  /** For `parameters.msw.handlers`: replaces the accounts and tracks domains together. */
  handlersByDomain: { accounts: RequestHandler[]; tracks: RequestHandler[] };
  /** For `server.use(...api.handlers)`. */
  handlers: RequestHandler[];
};

/**
 * Accounts and tracks that share one session: sign in as `me` and the tracks API knows
 * whose uploads and edits these are.
 */
export function createMockApi(seed: MockAccountsSeed & Omit<MockTracksSeed, "accounts"> = {}): MockApi {
  const { me, users, sessions, securityEvents, ...tracksSeed } = seed;
  const accounts = createMockAccounts({ me, users, sessions, securityEvents });
  const tracks = createMockTracks({ ...tracksSeed, accounts: accounts.state });
  const byDomain = { accounts: accounts.handlers, tracks: tracks.handlers };
  return { accounts, tracks, handlersByDomain: byDomain, handlers: [...byDomain.accounts, ...byDomain.tracks] };
}
