import type {
  AdminUserDetail,
  AdminUserState,
  AdminUserSummary,
  AuditEntry,
  FailedJob,
  InstanceInfo,
  InstanceSettings,
  InstanceStats,
  InviteCode,
  Takedown,
  Track,
} from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";
import type { MockAccountsState, MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import type { MockSocialState } from "../social/state.ts";
import {
  buildAdminRecord,
  buildDayCounts,
  buildFailedJobs,
  buildInstanceSettings,
  type MockAdminRecord,
  type MockInvite,
  type MockReport,
} from "./factories.ts";

type Person = Track["owner"];

/** What a mocked admin API starts from. */
export type MockAdminSeed = {
  /** The tracks, comments and playlists moderated, and through them the accounts and who is signed in. */
  social: MockSocialState;
  settings?: Partial<InstanceSettings>;
  invites?: MockInvite[];
  /** What admins know of accounts beyond what their holders see (default: active, one session each). */
  records?: MockAdminRecord[];
  failedJobs?: FailedJob[];
  /** The whole audit log, newest first (default: empty). */
  audit?: AuditEntry[];
  reports?: MockReport[];
};

export const MOCK_VERSION = "0.1.0";
const OWNER_SUSPENDED_REASON = "The owner's account is suspended.";

/** The mocked server's admin side: account records, instance settings, invites, jobs, audit and reports. */
export class MockAdminState {
  readonly social: MockSocialState;
  settings: InstanceSettings = buildInstanceSettings();
  invites: MockInvite[] = [];
  records = new Map<string, MockAdminRecord>();
  failedJobs: FailedJob[] = [];
  audit: AuditEntry[] = [];
  reports: MockReport[] = [];
  private issued = 0;

  constructor(private readonly seed: MockAdminSeed) {
    this.social = seed.social;
    this.reset();
    this.accounts.admitRegistration = (inviteCode) => this.admitRegistration(inviteCode);
    this.accounts.registered = (inviteCode) => this.spendInvite(inviteCode);
  }

  reset(): void {
    const seed = structuredClone({ ...this.seed, social: undefined });
    this.settings = buildInstanceSettings(seed.settings);
    this.invites = seed.invites ?? [];
    this.records = new Map((seed.records ?? []).map((record) => [record.userId, record]));
    this.failedJobs = seed.failedJobs ?? buildFailedJobs();
    this.audit = seed.audit ?? [];
    this.reports = seed.reports ?? [];
    this.issued = 0;
  }

  get accounts(): MockAccountsState {
    return this.social.accounts;
  }

  get tracks() {
    return this.social.tracks;
  }

  get playlists() {
    return this.social.playlists;
  }

  instanceInfo(): InstanceInfo {
    const { siteName, siteDescription, registrationMode, termsText, privacyText } = this.settings;
    return {
      name: siteName,
      version: MOCK_VERSION,
      description: siteDescription,
      registrationMode,
      termsText,
      privacyText,
    };
  }

  // ---- Accounts -------------------------------------------------------------------------

  recordOf(userId: string): MockAdminRecord {
    let record = this.records.get(userId);
    if (!record) {
      record = buildAdminRecord(userId);
      this.records.set(userId, record);
    }
    return record;
  }

  stateOf(user: MockUser): AdminUserState {
    const record = this.recordOf(user.me.id);
    if (record.deletedAt) return "deleted";
    if (record.suspendedAt) return "suspended";
    return user.me.isVerified ? "active" : "unverified";
  }

  summaryOf(user: MockUser): AdminUserSummary {
    const { me } = user;
    return {
      id: me.id,
      email: me.email,
      username: me.username,
      displayName: me.profile.displayName,
      role: me.role,
      state: this.stateOf(user),
      isVerified: me.isVerified,
      createdAt: me.createdAt,
      lastLoginAt: this.recordOf(me.id).lastLoginAt,
    };
  }

  detailOf(user: MockUser): AdminUserDetail {
    const record = this.recordOf(user.me.id);
    const owned = this.tracks.tracks.filter((track) => track.owner.id === user.me.id);
    return {
      ...this.summaryOf(user),
      profile: user.me.profile,
      suspendedAt: record.suspendedAt,
      suspensionReason: record.suspensionReason,
      promotedToCreatorAt: user.me.promotedToCreatorAt,
      twoFactorEnabled: user.me.twoFactorEnabled,
      passwordResetRequired: record.passwordResetRequired,
      storageUsedBytes: this.tracks.usedBytes(user.me.id),
      storageQuotaOverrideBytes: record.storageQuotaOverrideBytes,
      storageQuotaBytes: record.storageQuotaOverrideBytes ?? this.settings.defaultStorageQuotaBytes,
      trackCount: owned.length,
      tracks: owned.map((track) => ({
        id: track.id,
        title: track.title,
        status: track.status,
        visibility: track.visibility,
        sizeBytes: this.tracks.sizes.get(track.id) ?? 0,
        createdAt: track.createdAt,
        takenDown: Boolean(track.takedown),
      })),
      sessions: record.sessions,
    };
  }

  /** Newest accounts first, filtered as `GET /api/v1/admin/users` filters them. */
  findUsers(filters: { q?: string | undefined; role?: string | undefined; state?: string | undefined }): MockUser[] {
    const q = filters.q?.toLowerCase();
    return this.accounts.users
      .filter((user) => !q || user.me.email.toLowerCase().includes(q) || user.me.username.includes(q))
      .filter((user) => !filters.role || user.me.role === filters.role)
      .filter((user) => !filters.state || this.stateOf(user) === filters.state)
      .sort((a, b) => b.me.createdAt.localeCompare(a.me.createdAt));
  }

  /** Suspension signs them out and hides their tracks until it is lifted. */
  suspend(user: MockUser, reason: string): void {
    const now = new Date().toISOString();
    Object.assign(this.recordOf(user.me.id), { suspendedAt: now, suspensionReason: reason, sessions: [] });
    for (const track of this.tracks.tracks) {
      if (track.owner.id !== user.me.id || track.status !== "ready") continue;
      const takedown: Takedown = { kind: "owner_suspended", reason: OWNER_SUSPENDED_REASON, at: now };
      Object.assign(track, { status: "hidden", takedown });
    }
  }

  unsuspend(user: MockUser): void {
    Object.assign(this.recordOf(user.me.id), { suspendedAt: null, suspensionReason: null });
    for (const track of this.tracks.tracks) {
      if (track.owner.id === user.me.id && track.takedown?.kind === "owner_suspended") {
        Object.assign(track, { status: "ready", takedown: null });
      }
    }
  }

  // ---- Registration and invites ---------------------------------------------------------

  admitRegistration(inviteCode: string | undefined): Response | undefined {
    if (this.settings.registrationMode === "closed") {
      return errorResponse("REGISTRATION_CLOSED", "This instance is not accepting new accounts.");
    }
    if (this.settings.registrationMode === "open") return undefined;
    const invite = this.invites.find((candidate) => candidate.code === inviteCode?.trim());
    if (!invite || !this.inviteUsable(invite)) {
      return errorResponse("INVITE_CODE_INVALID", "This invite code is not valid. Check it, or ask for a new one.");
    }
    return undefined;
  }

  spendInvite(inviteCode: string | undefined): void {
    if (this.settings.registrationMode !== "invite") return;
    const invite = this.invites.find((candidate) => candidate.code === inviteCode?.trim());
    if (invite) invite.uses += 1;
  }

  inviteUsable(invite: MockInvite, now = Date.now()): boolean {
    if (invite.revokedAt || invite.uses >= invite.maxUses) return false;
    return invite.expiresAt === null || Date.parse(invite.expiresAt) > now;
  }

  /** Without the code: the API shows it only once. */
  inviteOf({ code: _code, ...invite }: MockInvite): InviteCode {
    return invite;
  }

  createInvite(fields: { note: string; maxUses: number; expiresInDays?: number | undefined }): MockInvite {
    this.issued += 1;
    const code = `INV${String(this.issued).padStart(3, "0")}-${mockId().slice(-8).toUpperCase()}`;
    const now = Date.now();
    const invite: MockInvite = {
      id: mockId(),
      code,
      hint: code.slice(0, 4),
      note: fields.note,
      maxUses: fields.maxUses,
      uses: 0,
      expiresAt:
        fields.expiresInDays === undefined ? null : new Date(now + fields.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
      createdAt: new Date(now).toISOString(),
    };
    this.invites.unshift(invite);
    return invite;
  }

  // ---- Audit and stats ------------------------------------------------------------------

  record(
    actor: MockUser,
    action: string,
    target: { type: string | null; id: string | null },
    metadata: Record<string, unknown> = {},
  ): void {
    this.audit.unshift({
      id: mockId(),
      actorId: actor.me.id,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: "127.0.0.1",
      userAgent: typeof navigator === "undefined" ? null : navigator.userAgent,
      metadata,
      createdAt: new Date().toISOString(),
    });
  }

  stats(): InstanceStats {
    const usersByRole: Record<string, number> = {};
    const tracksByStatus: Record<string, number> = {};
    const people = this.accounts.users.filter((user) => this.stateOf(user) !== "deleted");
    for (const user of people) usersByRole[user.me.role] = (usersByRole[user.me.role] ?? 0) + 1;
    for (const track of this.tracks.tracks) tracksByStatus[track.status] = (tracksByStatus[track.status] ?? 0) + 1;
    return {
      usersByRole,
      suspendedUsers: people.filter((user) => this.stateOf(user) === "suspended").length,
      signupsPerDay: buildDayCounts(30, 6, 2),
      tracksByStatus,
      storageUsedBytes: [...this.tracks.sizes.values()].reduce((sum, size) => sum + size, 0),
      playsPerDay: buildDayCounts(30, 140, 5),
      jobs: { queued: 3, running: 1, failed: this.failedJobs.length },
      openReports: this.reports.filter((report) => report.status === "open").length,
    };
  }

  /** Someone the mocked server knows by id: an account, or an owner of tracks, playlists or comments. */
  personById(id: string): Person | undefined {
    const account = this.accounts.findById(id)?.me;
    if (account) return { id: account.id, username: account.username, displayName: account.profile.displayName };
    return (
      this.tracks.tracks.find((track) => track.owner.id === id)?.owner ??
      this.playlists.playlists.find((playlist) => playlist.owner.id === id)?.owner ??
      this.social.comments.find((comment) => comment.author.id === id)?.author
    );
  }
}
