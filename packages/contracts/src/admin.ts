import { z } from "zod";
import { profileSchema, roleSchema } from "./accounts.ts";
import { registrationModeSchema } from "./instance.ts";
import { trackStatusSchema } from "./tracks.ts";

const isoDate = z.string();
const bytes = z.number().int().min(0);

// ---- Users (admin only) -------------------------------------------------------------------

export const adminUserStates = ["active", "unverified", "suspended", "deleted"] as const;
const adminUserStateSchema = z.enum(adminUserStates);
export type AdminUserState = z.infer<typeof adminUserStateSchema>;

/** `GET /api/v1/admin/users`: `q` matches email or username (prefix or part). */
export const adminUserQuerySchema = z.object({
  q: z.string().trim().max(254).optional(),
  role: roleSchema.optional(),
  state: adminUserStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type AdminUserQuery = z.infer<typeof adminUserQuerySchema>;

const adminUserSummarySchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: roleSchema,
    state: adminUserStateSchema,
    isVerified: z.boolean(),
    createdAt: isoDate,
    lastLoginAt: isoDate.nullable(),
  })
  .meta({ id: "AdminUserSummary" });
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;
export const adminUserPageSchema = z.object({
  items: z.array(adminUserSummarySchema),
  nextCursor: z.string().nullable(),
});
export type AdminUserPage = z.infer<typeof adminUserPageSchema>;

const adminSessionSchema = z.object({
  id: z.uuid(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: isoDate,
  lastSeenAt: isoDate.nullable(),
});

const adminUserTrackSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: trackStatusSchema,
  visibility: z.string(),
  sizeBytes: bytes,
  createdAt: isoDate,
  takenDown: z.boolean(),
});

export const adminUserDetailSchema = adminUserSummarySchema
  .extend({
    profile: profileSchema,
    suspendedAt: isoDate.nullable(),
    suspensionReason: z.string().nullable(),
    promotedToCreatorAt: isoDate.nullable(),
    twoFactorEnabled: z.boolean(),
    passwordResetRequired: z.boolean(),
    storageUsedBytes: bytes,
    /** The user's own quota, or null when the instance default applies. */
    storageQuotaOverrideBytes: bytes.nullable(),
    /** What applies: the override, else the instance default. */
    storageQuotaBytes: bytes,
    trackCount: z.number().int(),
    tracks: z.array(adminUserTrackSchema),
    sessions: z.array(adminSessionSchema),
  })
  .meta({ id: "AdminUserDetail" });
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;

export const suspendRequestSchema = z.object({ reason: z.string().trim().min(3).max(500) });
export const quotaOverrideRequestSchema = z.object({ storageQuotaBytes: bytes.nullable() });

// ---- Instance settings (admin only) -------------------------------------------------------

export const instanceSettingsSchema = z
  .object({
    registrationMode: registrationModeSchema,
    siteName: z.string().trim().min(1).max(80),
    siteDescription: z.string().trim().max(1000),
    termsText: z.string().max(50_000),
    privacyText: z.string().max(50_000),
    defaultUploadLimitBytes: z.number().int().min(1),
    defaultStorageQuotaBytes: bytes,
    updatedAt: isoDate,
  })
  .meta({ id: "InstanceSettings" });
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;
/** `PATCH /api/v1/admin/settings`: any subset. */
export const instanceSettingsUpdateSchema = instanceSettingsSchema.omit({ updatedAt: true }).partial();
export type InstanceSettingsUpdate = z.infer<typeof instanceSettingsUpdateSchema>;

const inviteCodeSchema = z
  .object({
    id: z.uuid(),
    /** The first characters only: the whole code is shown once, when made. */
    hint: z.string(),
    note: z.string(),
    maxUses: z.number().int(),
    uses: z.number().int(),
    expiresAt: isoDate.nullable(),
    revokedAt: isoDate.nullable(),
    createdAt: isoDate,
  })
  .meta({ id: "InviteCode" });
export type InviteCode = z.infer<typeof inviteCodeSchema>;
export const inviteCodeListSchema = z.object({ items: z.array(inviteCodeSchema) });
export const createInviteRequestSchema = z.object({
  note: z.string().trim().max(200).default(""),
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const createdInviteSchema = inviteCodeSchema.extend({ code: z.string() });

// ---- Stats and jobs (admin only) ----------------------------------------------------------

const dayCountSchema = z.object({ day: z.iso.date(), count: z.number().int() });
export const instanceStatsSchema = z
  .object({
    usersByRole: z.record(z.string(), z.number().int()),
    suspendedUsers: z.number().int(),
    /** The last 30 days, oldest first, with zero days included. */
    signupsPerDay: z.array(dayCountSchema),
    tracksByStatus: z.record(z.string(), z.number().int()),
    storageUsedBytes: bytes,
    playsPerDay: z.array(dayCountSchema),
    jobs: z.object({
      queued: z.number().int(),
      running: z.number().int(),
      failed: z.number().int(),
    }),
    openReports: z.number().int(),
  })
  .meta({ id: "InstanceStats" });
export type InstanceStats = z.infer<typeof instanceStatsSchema>;

const failedJobSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: isoDate,
});
export type FailedJob = z.infer<typeof failedJobSchema>;
export const failedJobListSchema = z.object({ items: z.array(failedJobSchema) });
