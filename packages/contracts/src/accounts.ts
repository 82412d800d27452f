import { z } from "zod";

export const roles = ["user", "creator", "premium", "moderator", "admin", "artist", "producer", "label"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** The creator tier: every role but `user` (what RequireContentCreatorRole accepts). */
export const isCreatorTier = (role: Role) => role !== "user";

const emailSchema = z.email("Enter a valid email address").max(254);
const usernameSchema = z
  .string()
  .regex(/^[a-z0-9_.-]{3,30}$/, "3–30 characters: lower-case letters, digits, _ . and -");
export const PASSWORD_MIN_LENGTH = 10;
const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "At most 256 characters");

const isoDate = z.string();

// Links are shown to other people: web addresses only (no javascript: or data: URLs).
const profileLinkSchema = z.object({
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

const sessionSchema = z.object({
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
export const backupCodesSchema = z.object({ backupCodes: z.array(z.string()) });

/**
 * An in-session confirmation that it is really the account holder at the keyboard, not
 * someone who found a signed-in browser: the current password when two-factor sign-in is
 * off; when it is on, a fresh second-factor code (TOTP or backup code), with the password
 * optional (checked when given). Missing: 403 REAUTH_REQUIRED; a wrong one answers PASSWORD_INCORRECT or INVALID_TWO_FACTOR_CODE,
 * and attempts are rate limited like sign-in (429 with Retry-After).
 */
const reauthFields = {
  password: z.string().min(1).max(256).optional(),
  code: z.string().min(6).max(20).optional(),
};
const reauthRequestSchema = z.object(reauthFields);
export type ReauthRequest = z.infer<typeof reauthRequestSchema>;

/** Turning two-factor on: a code from the new secret, and the current password. */
export const twoFactorEnableRequestSchema = z.object({
  code: z.string().min(6).max(20),
  password: z.string().min(1).max(256),
});
export type TwoFactorEnableRequest = z.infer<typeof twoFactorEnableRequestSchema>;
/** Replacing the backup codes: a second-factor code (see reauthFields). */
export const regenerateBackupCodesRequestSchema = reauthRequestSchema;
/** Turning two-factor off needs both factors: it removes one of them. */
export const twoFactorDisableRequestSchema = z.object({
  password: z.string().min(1).max(256),
  code: z.string().min(6).max(20),
});

/** The self-service creator upgrade's answer (snake_case, as the contract names them). */
export const upgradeCreatorResponseSchema = z.object({
  role: roleSchema,
  promoted_to_creator_at: isoDate.nullable(),
  already_elevated: z.boolean(),
});
export type UpgradeCreatorResponse = z.infer<typeof upgradeCreatorResponseSchema>;

/**
 * What a personal access token may do. `read`: GET and HEAD; `write`: every other method;
 * `upload`: the upload routes; `admin`: admin and moderator routes
 * (grantable only by someone whose role reaches them, and still bounded by that role).
 */
export const tokenScopes = ["read", "write", "upload", "admin"] as const;
export const tokenScopeSchema = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScopeSchema>;
/** A token created without naming scopes can only read: least privilege unless asked. */
export const defaultTokenScopes: readonly TokenScope[] = ["read"];
const MAX_TOKEN_LIFETIME_DAYS = 3650;

const personalTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  /** Null: never expires. */
  expiresAt: isoDate.nullable(),
  /** Past its expiry: refused like a revoked token, listed until revoked. */
  expired: z.boolean(),
});
export type PersonalToken = z.infer<typeof personalTokenSchema>;
export const personalTokenListSchema = z.object({ items: z.array(personalTokenSchema) });
export const createTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** Defaults to `defaultTokenScopes`. */
  scopes: z
    .array(tokenScopeSchema)
    .min(1)
    .max(tokenScopes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope at most once")
    // Every admin and moderation route a token reaches is read with GET: admin alone
    // would make a token refused everywhere.
    .refine(
      (scopes) => !scopes.includes("admin") || scopes.includes("read"),
      "The admin scope needs the read scope too",
    )
    .optional(),
  /** Omitted: the token never expires. */
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_LIFETIME_DAYS).optional(),
  ...reauthFields,
});
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;
/** The token itself is shown once, at creation. */
export const createdTokenSchema = personalTokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

const auditEntrySchema = z.object({
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
