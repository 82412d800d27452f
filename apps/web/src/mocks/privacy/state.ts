import { type DataExport, EXPORT_TTL_DAYS, EXPORTS_PER_DAY } from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";
import type { MockAccountsState, MockUser } from "../accounts/state.ts";
import { downloadUrlOf, MOCK_EXPORT_SIZE } from "./factories.ts";

const DAY_MS = 24 * 3600_000;

/** What a mocked privacy API starts from. */
export type MockPrivacySeed = {
  /** Who exists and who is signed in. */
  accounts: MockAccountsState;
  /** Whose the seeded exports are (default: whoever the accounts have signed in). */
  me?: { id: string };
  /** My exports, newest first (default: none). */
  exports?: DataExport[];
};

type MockExport = DataExport & { userId: string; shownPending: boolean };

export type MockAccountDeletion = { userId: string; keepPublicTracks: boolean };

/** The mocked server's data exports and account deletions. */
export class MockPrivacyState {
  readonly accounts: MockAccountsState;
  exports: MockExport[] = [];
  /** Accounts deleted since the last reset, for tests to check what was asked. */
  deletions: MockAccountDeletion[] = [];
  /** Whose the seeded exports are, fixed at creation: a reset must not depend on who is signed in then. */
  private readonly owner: string | null;

  constructor(private readonly seed: MockPrivacySeed) {
    this.accounts = seed.accounts;
    this.owner = seed.me?.id ?? seed.accounts.currentUserId;
    this.reset();
  }

  reset(): void {
    const owner = this.owner;
    this.exports = owner
      ? structuredClone(this.seed.exports ?? []).map((item) => ({ ...item, userId: owner, shownPending: false }))
      : [];
    this.deletions = [];
  }

  /** Newest first, as the server lists them. */
  exportsOf(userId: string): MockExport[] {
    return this.exports
      .filter((item) => item.userId === userId)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  /** Requested in the rolling 24 hours, oldest first (they free up in that order). */
  private inLastDay(userId: string, now: number): MockExport[] {
    return this.exportsOf(userId)
      .filter((item) => Date.parse(item.createdAt) > now - DAY_MS)
      .reverse();
  }

  remainingToday(userId: string, now = Date.now()): number {
    return Math.max(0, EXPORTS_PER_DAY - this.inLastDay(userId, now).length);
  }

  /** Queues an export, or says in how many seconds the next one is possible. */
  request(userId: string, now = Date.now()): { export: DataExport } | { retryAfterSeconds: number } {
    const recent = this.inLastDay(userId, now);
    const oldest = recent[0];
    if (recent.length >= EXPORTS_PER_DAY && oldest) {
      const freesAt = Date.parse(oldest.createdAt) + DAY_MS;
      return { retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
    }
    const created: MockExport = {
      id: mockId(),
      status: "pending",
      sizeBytes: null,
      createdAt: new Date(now).toISOString(),
      completedAt: null,
      expiresAt: null,
      downloadUrl: null,
      userId,
      shownPending: false,
    };
    this.exports.push(created);
    return { export: toExport(created) };
  }

  /** The list as the server answers it, building whatever it showed pending last time. */
  list(userId: string, now = Date.now()): { items: DataExport[]; remainingToday: number } {
    const mine = this.exportsOf(userId);
    for (const item of mine) {
      const building = item.status === "pending" || item.status === "processing";
      if (!building) continue;
      if (item.shownPending) finish(item, now);
      else item.shownPending = true;
    }
    return { items: mine.map(toExport), remainingToday: this.remainingToday(userId, now) };
  }

  /** What the server does at once: signed out everywhere, the login gone, exports removed. */
  deleteAccount(user: MockUser, keepPublicTracks: boolean): void {
    const userId = user.me.id;
    this.exports = this.exports.filter((item) => item.userId !== userId);
    this.accounts.users = this.accounts.users.filter((candidate) => candidate !== user);
    this.accounts.signOut("account_closed");
    this.accounts.sessions = [];
    this.deletions.push({ userId, keepPublicTracks });
  }
}

function finish(item: MockExport, now: number) {
  item.status = "ready";
  item.sizeBytes = MOCK_EXPORT_SIZE;
  item.completedAt = new Date(now).toISOString();
  item.expiresAt = new Date(now + EXPORT_TTL_DAYS * DAY_MS).toISOString();
  item.downloadUrl = downloadUrlOf(item.id);
}

export function toExport({ userId: _userId, shownPending: _shown, ...item }: MockExport): DataExport {
  return item;
}
