import type {
  AuditEntry,
  FailedJob,
  InstanceSettings,
  InviteCode,
  Me,
  ReportCategory,
  Role,
  Takedown,
  Track,
} from "@stave/contracts";
import { buildAuditEntry, buildMe, minutesAgo, mockId } from "../accounts/factories.ts";
import { dayBefore, MOCK_TODAY } from "../listening/factories.ts";

type Person = Track["owner"];

const MB = 1024 * 1024;

/** An invite code the mocked instance accepts (when seeded with `buildInvite()`). */
export const MOCK_INVITE_CODE = "WELCOME-STAVE-2025";

export function buildInstanceSettings(overrides: Partial<InstanceSettings> = {}): InstanceSettings {
  return {
    registrationMode: "open",
    siteName: "Stave",
    siteDescription: "",
    termsText: "",
    privacyText: "",
    defaultUploadLimitBytes: 200 * MB,
    defaultStorageQuotaBytes: 1024 * MB,
    updatedAt: minutesAgo(60 * 24 * 10),
    ...overrides,
  };
}

/** An invite as the mocked server keeps it: the whole code, which the API shows only once. */
export type MockInvite = InviteCode & { code: string };

/** A single-use invite made by an admin a day ago, never used. */
export function buildInvite(overrides: Partial<MockInvite> = {}): MockInvite {
  const code = overrides.code ?? MOCK_INVITE_CODE;
  return {
    id: mockId(),
    code,
    hint: code.slice(0, 4),
    note: "",
    maxUses: 1,
    uses: 0,
    expiresAt: null,
    revokedAt: null,
    createdAt: minutesAgo(60 * 24),
    ...overrides,
  };
}

/** What the admin pages know of an account beyond what its holder sees. */
export type MockAdminRecord = {
  userId: string;
  deletedAt: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  lastLoginAt: string | null;
  storageQuotaOverrideBytes: number | null;
  passwordResetRequired: boolean;
  /** Their sessions, as an admin sees them (no "current"). */
  sessions: { id: string; ip: string | null; userAgent: string | null; createdAt: string; lastSeenAt: string | null }[];
};

export function buildAdminRecord(userId: string, overrides: Partial<MockAdminRecord> = {}): MockAdminRecord {
  return {
    userId,
    deletedAt: null,
    suspendedAt: null,
    suspensionReason: null,
    lastLoginAt: minutesAgo(60 * 3),
    storageQuotaOverrideBytes: null,
    passwordResetRequired: false,
    sessions: [
      {
        id: mockId(),
        ip: "203.0.113.7",
        userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        createdAt: minutesAgo(60 * 24 * 2),
        lastSeenAt: minutesAgo(60 * 3),
      },
    ],
    ...overrides,
  };
}

/** Suspended by a moderator's report a week ago. */
export const buildSuspension = (userId: string, reason = "Spam in comments, after two warnings.") =>
  buildAdminRecord(userId, { suspendedAt: minutesAgo(60 * 24 * 7), suspensionReason: reason, sessions: [] });

const directoryPeople: readonly [string, string | null, Role][] = [
  ["bea", "Bea Ortiz", "creator"],
  ["cyril", null, "user"],
  ["dana", "Dana K", "premium"],
  ["eli", "Eli", "user"],
  ["fern", "Fern & the Moss", "artist"],
  ["gus", null, "user"],
  ["hana", "Hana Mori", "creator"],
  ["ivo", null, "user"],
  ["jun", "Jun", "producer"],
  ["kit", null, "user"],
  ["lux", "Lux Records", "label"],
  ["mo", null, "moderator"],
  ["nia", "Nia", "creator"],
  ["otto", null, "user"],
  ["pia", "Pia", "user"],
  ["quin", null, "user"],
  ["rae", "Rae Sun", "creator"],
  ["sol", null, "user"],
  ["tam", null, "user"],
  ["uma", "Uma", "creator"],
  ["vik", null, "user"],
  ["wren", "Wren", "user"],
];

/**
 * The people of a small instance, newest first a day apart, in every role; every fifth one
 * has not verified their email. With `buildSuspension` some can be suspended.
 */
export function buildDirectory(count = directoryPeople.length): Me[] {
  return directoryPeople.slice(0, count).map(([username, displayName, role], index) =>
    buildMe({
      username,
      email: `${username}@example.org`,
      role,
      isVerified: index % 5 !== 4,
      promotedToCreatorAt: role === "creator" ? minutesAgo(60 * 24 * (index + 1)) : null,
      createdAt: minutesAgo(60 * 24 * (index + 2)),
      profile: { displayName, bio: null, location: null },
    }),
  );
}

/** A job the worker gave up on. */
export function buildFailedJob(overrides: Partial<FailedJob> = {}): FailedJob {
  return {
    id: mockId(),
    name: "tracks.process",
    attempts: 5,
    lastError: "ffmpeg exited with code 1: Invalid data found when processing input",
    failedAt: minutesAgo(45),
    ...overrides,
  };
}

export function buildFailedJobs(): FailedJob[] {
  return [
    buildFailedJob(),
    buildFailedJob({
      name: "mail.send",
      attempts: 8,
      lastError: "connect ECONNREFUSED 127.0.0.1:587",
      failedAt: minutesAgo(60 * 5),
    }),
  ];
}

/** `days` days up to the mocked today, oldest first and zero days included, as the stats send them. */
export function buildDayCounts(days = 30, peak = 12, seed = 1): { day: string; count: number }[] {
  return Array.from({ length: days }, (_, index) => {
    const growth = (index + 1) / days;
    const wobble = ((index * 7 + seed * 13) % 5) / 4;
    return { day: dayBefore(MOCK_TODAY, days - 1 - index), count: Math.round(peak * growth * (0.5 + wobble / 2)) };
  });
}

/** What admins and moderators did lately, and some sign-ins, newest first. */
export function buildAdminAuditLog(admin: Person, others: readonly Person[]): AuditEntry[] {
  const [first, second, third] = others;
  const entries: AuditEntry[] = [
    buildAuditEntry({
      actorId: admin.id,
      action: "admin.role_change",
      targetType: "user",
      targetId: first?.id ?? null,
      metadata: { from: "user", to: "creator" },
      createdAt: minutesAgo(20),
    }),
    buildAuditEntry({
      actorId: admin.id,
      action: "admin.user_suspend",
      targetType: "user",
      targetId: second?.id ?? null,
      metadata: { reason: "Spam in comments" },
      createdAt: minutesAgo(60 * 5),
    }),
    buildAuditEntry({
      actorId: admin.id,
      action: "moderation.takedown",
      targetType: "track",
      targetId: mockId(),
      metadata: { kind: "copyright" },
      createdAt: minutesAgo(60 * 26),
    }),
    buildAuditEntry({
      actorId: admin.id,
      action: "admin.settings_update",
      targetType: "instance",
      targetId: null,
      metadata: { fields: ["registrationMode"] },
      createdAt: minutesAgo(60 * 24 * 3),
    }),
  ];
  for (const [index, person] of [first, second, third].entries()) {
    if (!person) continue;
    entries.push(
      buildAuditEntry({
        actorId: person.id,
        action: "user.login",
        targetId: person.id,
        metadata: { success: true },
        createdAt: minutesAgo(60 * 24 * 4 + index * 60),
      }),
    );
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A report as the mocked server keeps it: its subject by type and id, presented when listed. */
export type MockReport = {
  id: string;
  status: "open" | "resolved" | "dismissed";
  category: ReportCategory;
  details: string;
  subjectType: "track" | "comment" | "playlist" | "user";
  subjectId: string;
  reporter: Person | null;
  outcome: "taken_down" | "restored" | "no_action" | null;
  resolutionNote: string | null;
  resolver: Person | null;
  createdAt: string;
  resolvedAt: string | null;
};

export function buildReport(
  overrides: Partial<MockReport> & Pick<MockReport, "subjectType" | "subjectId" | "reporter">,
): MockReport {
  return {
    id: mockId(),
    status: "open",
    category: "spam",
    details: "",
    outcome: null,
    resolutionNote: null,
    resolver: null,
    createdAt: minutesAgo(30),
    resolvedAt: null,
    ...overrides,
  };
}

/** Why something is hidden, as its owner is told. */
export function buildTakedown(overrides: Partial<Takedown> = {}): Takedown {
  return {
    kind: "policy",
    reason: "Hateful imagery in the artwork.",
    at: minutesAgo(60 * 2),
    ...overrides,
  };
}
