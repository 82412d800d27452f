import { api, type DataExport, type InstanceInfo, type PlaylistSummary } from "@stave/contracts";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  createMockAccounts,
  defaultAccounts,
  type MockAccounts,
  type MockAccountsSeed,
  resetAllMockAccounts,
} from "./accounts/index.ts";
import { createMockAdmin, defaultAdmin, type MockAdmin, type MockAdminSeed, resetAllMockAdmin } from "./admin/index.ts";
import {
  createMockListening,
  defaultListening,
  type MockHistoryEntry,
  type MockListening,
  type MockPlayDay,
  resetAllMockListening,
} from "./listening/index.ts";
import {
  createMockMessages,
  defaultMessages,
  type MockMessages,
  type MockMessagesSeed,
  resetAllMockMessages,
} from "./messages/index.ts";
import {
  createMockPlaylists,
  defaultPlaylists,
  type MockPlaylistRecord,
  type MockPlaylists,
  resetAllMockPlaylists,
} from "./playlists/index.ts";
import { createMockPrivacy, defaultPrivacy, type MockPrivacy, resetAllMockPrivacy } from "./privacy/index.ts";
import { createMockSearch, defaultSearch, type MockSearch } from "./search/index.ts";
import {
  createMockSocial,
  defaultSocial,
  type MockSocial,
  type MockSocialSeed,
  resetAllMockSocial,
} from "./social/index.ts";
import {
  createMockTracks,
  defaultTracks,
  type MockTracks,
  type MockTracksSeed,
  resetAllMockTracks,
} from "./tracks/index.ts";

export * from "./accounts/index.ts";
export * from "./admin/index.ts";
export { buildErrorEnvelope, errorResponse, validationFailed } from "./errors.ts";
export * from "./listening/index.ts";
export * from "./messages/index.ts";
export * from "./playlists/index.ts";
export * from "./privacy/index.ts";
export * from "./search/index.ts";
export * from "./social/index.ts";
export * from "./tracks/index.ts";

/** Typed builders so every mocked body matches its contract at compile time. */
export function buildInstanceInfo(overrides: Partial<InstanceInfo> = {}): InstanceInfo {
  return {
    name: "Stave",
    version: "0.1.0",
    description: "",
    registrationMode: "open",
    termsText: "",
    privacyText: "",
    ...overrides,
  };
}

export const instanceHandlers = [http.get(api.instance.info.path, () => HttpResponse.json(buildInstanceInfo()))];

/**
 * Keyed by domain so a story can replace one domain's handlers
 * (`parameters.msw.handlers.instance`) and keep the rest.
 * Accounts start signed out; `accountsHandlers({ me: buildVerifiedUser() })` signs someone in.
 */
export const handlersByDomain = {
  instance: instanceHandlers,
  accounts: defaultAccounts.handlers,
  tracks: defaultTracks.handlers,
  search: defaultSearch.handlers,
  listening: defaultListening.handlers,
  playlists: defaultPlaylists.handlers,
  messages: defaultMessages.handlers,
  privacy: defaultPrivacy.handlers,
  social: defaultSocial.handlers,
  admin: defaultAdmin.handlers,
  moderation: defaultAdmin.moderationHandlers,
};

export const handlers = Object.values(handlersByDomain).flat();

/** Every mocked domain back to its seed, so no test or story sees what the one before it did. */
export function resetAllMocks(): void {
  resetAllMockAccounts();
  resetAllMockTracks();
  resetAllMockListening();
  resetAllMockPlaylists();
  resetAllMockMessages();
  resetAllMockPrivacy();
  resetAllMockSocial();
  resetAllMockAdmin();
}

export type MockApi = {
  accounts: MockAccounts;
  tracks: MockTracks;
  /** Searches the same tracks, so uploads and edits are found. */
  search: MockSearch;
  /** Plays, histories and creator stats over the same tracks. */
  listening: MockListening;
  /** Everyone's playlists over the same tracks (`playlistRecords`); search keeps its own `playlists`. */
  playlists: MockPlaylists;
  /** Notifications, conversations and blocks among the same accounts. */
  messages: MockMessages;
  /** My data exports and account deletion, for the same accounts. */
  privacy: MockPrivacy;
  /** Likes, reposts, comments, follows and the feed over the same tracks, playlists and accounts. */
  social: MockSocial;
  /**
   * Account records, instance settings and invites, stats, jobs, the audit log, reports and
   * takedowns over the same accounts, tracks, comments and playlists; it also serves the
   * instance info from its settings and decides who may register.
   */
  admin: MockAdmin;
  /** For `parameters.msw.handlers`: replaces every domain together (the instance info from the admin settings). */
  handlersByDomain: {
    instance: RequestHandler[];
    accounts: RequestHandler[];
    tracks: RequestHandler[];
    search: RequestHandler[];
    listening: RequestHandler[];
    playlists: RequestHandler[];
    messages: RequestHandler[];
    privacy: RequestHandler[];
    social: RequestHandler[];
    admin: RequestHandler[];
    moderation: RequestHandler[];
  };
  /** For `server.use(...api.handlers)`. */
  handlers: RequestHandler[];
};

/**
 * Accounts and tracks that share one session: sign in as `me` and the tracks API knows
 * whose uploads and edits these are. Search runs over the same tracks (and `playlists`,
 * default: the search catalogue's), so what the tracks API serves is what search finds.
 */
export function createMockApi(
  seed: MockAccountsSeed &
    Omit<MockTracksSeed, "accounts"> & {
      playlists?: PlaylistSummary[];
      /** Everyone's listening history (default: none). */
      history?: MockHistoryEntry[];
      /** Counted plays per track and day, for creator stats (default: none). */
      playDays?: MockPlayDay[];
      /** Everyone's playlists, served by the playlists API (default: none). */
      playlistRecords?: MockPlaylistRecord[];
      /** The signed-in user's notifications, conversations and blocks (default: none). */
      messaging?: Omit<MockMessagesSeed, "accounts" | "me">;
      /** The signed-in user's data exports, newest first (default: none). */
      exports?: DataExport[];
      /** Likes, reposts, comments and follows (default: none). */
      social?: Omit<MockSocialSeed, "tracks" | "playlists">;
      /** Instance settings, invites, account records, jobs, the audit log and reports (default: an open instance). */
      admin?: Omit<MockAdminSeed, "social">;
    } = {},
): MockApi {
  const {
    me,
    users,
    sessions,
    securityEvents,
    playlists,
    history,
    playDays,
    playlistRecords,
    messaging,
    exports,
    social,
    admin,
    ...tracksSeed
  } = seed;
  const accounts = createMockAccounts({ me, users, sessions, securityEvents });
  const tracks = createMockTracks({ ...tracksSeed, accounts: accounts.state });
  const search = createMockSearch({ tracks: tracks.state, playlists });
  const listening = createMockListening({ tracks: tracks.state, history, playDays });
  const playlistsApi = createMockPlaylists({ tracks: tracks.state, playlists: playlistRecords });
  const messages = createMockMessages({ ...messaging, accounts: accounts.state, me });
  const privacy = createMockPrivacy({ accounts: accounts.state, me, exports });
  const socialApi = createMockSocial({ ...social, tracks: tracks.state, playlists: playlistsApi.state });
  const adminApi = createMockAdmin({ ...admin, social: socialApi.state });
  const byDomain = {
    instance: adminApi.instanceHandlers,
    accounts: accounts.handlers,
    tracks: tracks.handlers,
    search: search.handlers,
    listening: listening.handlers,
    playlists: playlistsApi.handlers,
    messages: messages.handlers,
    privacy: privacy.handlers,
    social: socialApi.handlers,
    admin: adminApi.handlers,
    moderation: adminApi.moderationHandlers,
  };
  return {
    accounts,
    tracks,
    search,
    listening,
    playlists: playlistsApi,
    messages,
    privacy,
    social: socialApi,
    admin: adminApi,
    handlersByDomain: byDomain,
    handlers: Object.values(byDomain).flat(),
  };
}
