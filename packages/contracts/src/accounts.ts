import { z } from "zod";

export const roles = ["user", "creator", "premium", "moderator", "admin", "artist", "producer", "label"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** The creator tier: every role but `user` (what RequireContentCreatorRole accepts). */
export const creatorTierRoles: readonly Role[] = roles.filter((role) => role !== "user");
export const isCreatorTier = (role: Role) => role !== "user";

export const emailSchema = z.email("Enter a valid email address").max(254);
export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9_.-]{3,30}$/, "3–30 characters: lower-case letters, digits, _ . and -");
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "At most 256 characters");

const isoDate = z.string();

// Links are shown to other people: web addresses only (no javascript: or data: URLs).
export const profileLinkSchema = z.object({
  label: z.string().min(1).max(40),
  url: z.url({ protocol: /^https?$/, message: "Use an http(s) address" }).max(500),
});

export const profileSchema = z.object({
  displayName: z.string().nullable(),
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(profileLinkSchema),
});

/** The signed-in user as they see themselves. */
export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    username: z.string(),
    role: roleSchema,
    isVerified: z.boolean(),
    promotedToCreatorAt: isoDate.nullable(),
    twoFactorEnabled: z.boolean(),
    createdAt: isoDate,
    profile: profileSchema,
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export const registerRequestSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
  /** Needed when the instance's registration is invite-only. */
  inviteCode: z.string().trim().min(1).max(100).optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;
export const registerResponseSchema = z.object({ user: meSchema });

export const tokenRequestSchema = z.object({ token: z.string().min(1).max(200) });
export const verifyEmailResponseSchema = z.object({ verified: z.literal(true) });

export const emailRequestSchema = z.object({ email: emailSchema });
export const acceptedSchema = z.object({ message: z.string() });

export const loginRequestSchema = z.object({
  /** Email or username. */
  login: z.string().min(1).max(254),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionStartedSchema = z.object({ user: meSchema, csrfToken: z.string() });
export const twoFactorChallengeSchema = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
export const loginResponseSchema = z.union([sessionStartedSchema, twoFactorChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const loginTwoFactorRequestSchema = z.object({
  challenge: z.string().min(1).max(200),
  /** A 6-digit TOTP code or a backup code. */
  code: z.string().min(6).max(20),
});

export const csrfResponseSchema = z.object({ csrfToken: z.string() });

export const sessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: isoDate,
  lastSeenAt: isoDate,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });
export type Session = z.infer<typeof sessionSchema>;

export const updateProfileRequestSchema = z.object({
  displayName: z.string().trim().max(80).nullable().optional(),
  bio: z.string().max(2000).nullable().optional(),
  location: z.string().trim().max(100).nullable().optional(),
  links: z.array(profileLinkSchema).max(10).optional(),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const resetPasswordRequestSchema = z.object({ token: z.string().min(1).max(200), newPassword: passwordSchema });

export const twoFactorSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;
export const twoFactorCodeRequestSchema = z.object({ code: z.string().min(6).max(20) });
export const backupCodesSchema = z.object({ backupCodes: z.array(z.string()) });
export const twoFactorDisableRequestSchema = z.object({
  password: z.string().min(1).max(256),
  code: z.string().min(6).max(20),
});

/** Change 1: the self-service upgrade's answer (snake_case, as the contract names them). */
export const upgradeCreatorResponseSchema = z.object({
  role: roleSchema,
  promoted_to_creator_at: isoDate.nullable(),
  already_elevated: z.boolean(),
});
export type UpgradeCreatorResponse = z.infer<typeof upgradeCreatorResponseSchema>;

export const personalTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
});
export const personalTokenListSchema = z.object({ items: z.array(personalTokenSchema) });
export const createTokenRequestSchema = z.object({ name: z.string().trim().min(1).max(80) });
/** The token itself is shown once, at creation. */
export const createdTokenSchema = personalTokenSchema.extend({ token: z.string() });

export const auditEntrySchema = z.object({
  id: z.uuid(),
  actorId: z.uuid().nullable(),
  /** The actor's current username (null for the system, or an actor whose account is gone). */
  actorUsername: z.string().nullable().optional(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: isoDate,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });

export const auditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  /** The actor by username or email, for people typing in the viewer's filter. */
  actor: z.string().trim().min(1).max(254).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(100).optional(),
  /** An exact action (`admin.role_change`) or a prefix ending in a dot (`admin.`). */
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/**
 * `expectedRole` is the role the admin saw: when it changed meanwhile (say, the user just
 * upgraded themselves), the change is refused with 409 ROLE_CHANGED_CONCURRENTLY instead of
 * silently overwriting it.
 */
export const roleChangeRequestSchema = z.object({ role: roleSchema, expectedRole: roleSchema });
export const roleChangeResponseSchema = z.object({ id: z.uuid(), role: roleSchema, previousRole: roleSchema });
