import { randomBytes } from "node:crypto";
import { isCreatorTier, type Me, type RegisterRequest, type Role, roleSchema } from "@stave/contracts";
import type { Kysely } from "kysely";
import { z } from "zod";
import { randomToken, sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { countedAddress } from "../../platform/http/client-address.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { type MailContent, queueMail } from "../../platform/mail/index.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { type AccountsContext, type RequestMeta, rateRules } from "./accounts.context.ts";
import { forcedPasswordResetMail, resetPasswordMail, verifyEmailMail } from "./accounts.mails.ts";
import {
  findCredentialsById,
  findCredentialsByLogin,
  findMe,
  findUserByEmail,
  findUserByEmailOrUsername,
  insertUser,
  lockCredentials,
  markVerified,
  promoteUserToCreator,
  recordLogin,
  setPasswordHash,
} from "./accounts.repo.ts";
import { admitToRegistration, spendInviteCode } from "./invites.service.ts";
import {
  consumeOneTimeToken,
  insertOneTimeToken,
  peekOneTimeToken,
  retireOneTimeTokens,
} from "./one-time-tokens.repo.ts";
import { hashPassword, passwordWeakness, verifyAgainstNobody, verifyPassword } from "./passwords.ts";
import { countConfirmationAttempt, forgetConfirmationFailures } from "./reauthentication.ts";
import { verifySecondFactor } from "./second-factor.ts";
import { revokeSessions } from "./sessions.repo.ts";
import { revokeAllSignIns, type StartedSession, startSession } from "./sessions.service.ts";

const VERIFY_EMAIL_TTL = 24 * 3600;
const RESET_PASSWORD_TTL = 3600;
const LOGIN_CHALLENGE_TTL = 5 * 60;

export const MAIL_ACCEPTED = "If that address belongs to an account that needs it, a mail is on its way.";

function assertStrongPassword(password: string, context: { email?: string; username?: string }) {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw new AppError("WEAK_PASSWORD", weakness);
}

async function audit(
  ctx: AccountsContext,
  action: string,
  actorId: string | null,
  meta: RequestMeta,
  metadata?: Record<string, unknown>,
) {
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId,
    action,
    targetType: "user",
    ...(actorId && { targetId: actorId }),
    ...meta,
    ...(metadata && { metadata }),
  });
}

export async function getMe(ctx: AccountsContext, userId: string): Promise<Me> {
  const me = await findMe(ctx.database.primary, userId);
  if (!me) throw new AppError("NOT_FOUND", "User not found");
  return me;
}

/**
 * Mails a fresh single-use link (`<PUBLIC_URL>/<page>#token=…`), retiring the user's older
 * ones of the same purpose so only the newest link works. Runs in the caller's transaction.
 * The token is in the fragment, which browsers do not send: no access log on the way sees it.
 */
async function mailSingleUseLink(
  ctx: AccountsContext,
  db: Kysely<DB>,
  user: { id: string; email: string },
  link: {
    purpose: "verify_email" | "reset_password";
    ttlSeconds: number;
    page: string;
    mail: (siteName: string, url: string) => MailContent;
  },
) {
  const token = randomToken();
  await retireOneTimeTokens(db, user.id, link.purpose);
  await insertOneTimeToken(db, {
    userId: user.id,
    purpose: link.purpose,
    tokenHash: sha256(token),
    ttlSeconds: link.ttlSeconds,
  });
  await queueMail(db, user.email, link.mail(ctx.siteName, `${ctx.publicUrl}/${link.page}#token=${token}`));
}

const verificationLink = {
  purpose: "verify_email",
  ttlSeconds: VERIFY_EMAIL_TTL,
  page: "verify-email",
  mail: verifyEmailMail,
} as const;
const resetLink = {
  purpose: "reset_password",
  ttlSeconds: RESET_PASSWORD_TTL,
  page: "reset-password",
  mail: resetPasswordMail,
} as const;

/** The verification link again, for an admin helping a user (runs in the caller's transaction). */
export const mailVerificationLink = (ctx: AccountsContext, db: Kysely<DB>, user: { id: string; email: string }) =>
  mailSingleUseLink(ctx, db, user, verificationLink);

/** A reset link, for an admin who forced a password reset (runs in the caller's transaction). */
export const mailForcedPasswordResetLink = (
  ctx: AccountsContext,
  db: Kysely<DB>,
  user: { id: string; email: string },
) => mailSingleUseLink(ctx, db, user, { ...resetLink, mail: forcedPasswordResetMail });

/**
 * Checked only once the password (or second factor) is proven, so a stranger learns nothing
 * about the account. A suspension outlasts any password; a forced reset wants the mailed link.
 */
async function assertMaySignIn(
  ctx: AccountsContext,
  user: { id: string; suspended_at: Date | null; suspension_reason: string | null; password_reset_required: boolean },
  meta: RequestMeta,
) {
  if (user.suspended_at) {
    await audit(ctx, "user.login", user.id, meta, { success: false, reason: "suspended" });
    const reason = user.suspension_reason ? `: ${user.suspension_reason}` : "";
    throw new AppError("ACCOUNT_SUSPENDED", `This account is suspended${reason}`);
  }
  if (user.password_reset_required) {
    await audit(ctx, "user.login", user.id, meta, { success: false, reason: "password_reset_required" });
    throw new AppError(
      "PASSWORD_RESET_REQUIRED",
      "An administrator asked for a new password on this account: check your email for the reset link",
    );
  }
}

const uniqueViolation = (error: unknown): string | null =>
  typeof error === "object" && error && "code" in error && error.code === "23505" && "constraint" in error
    ? String(error.constraint)
    : null;

export async function register(ctx: AccountsContext, input: RegisterRequest, meta: RequestMeta): Promise<Me> {
  await ctx.limiter.hit(rateRules.registerPerIp, countedAddress(meta.ip));
  const inviteHash = await admitToRegistration(ctx, input.inviteCode);
  const email = input.email.toLowerCase();
  assertStrongPassword(input.password, { email, username: input.username });
  const existing = await findUserByEmailOrUsername(ctx.database.primary, email, input.username);
  if (existing?.email.toLowerCase() === email)
    throw new AppError("EMAIL_TAKEN", "An account with this email already exists");
  if (existing) throw new AppError("USERNAME_TAKEN", "This username is taken");
  const passwordHash = await hashPassword(input.password);
  let registered: { userId: string; inviteId: string | null };
  try {
    registered = await ctx.database.primary.transaction().execute(async (trx) => {
      // Spent in the same transaction as the account: of two people racing for a code's last use, one gets it.
      const invite = inviteHash ? await spendInviteCode(trx, inviteHash) : null;
      const id = await insertUser(trx, {
        email,
        username: input.username,
        passwordHash,
        role: "user",
        isVerified: false,
      });
      await mailSingleUseLink(ctx, trx, { id, email }, verificationLink);
      return { userId: id, inviteId: invite };
    });
  } catch (error) {
    // Two sign-ups racing for the same name: the loser gets the same answer as above.
    const constraint = uniqueViolation(error);
    if (constraint === "users_email_key")
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists");
    if (constraint === "users_username_key") throw new AppError("USERNAME_TAKEN", "This username is taken");
    throw error;
  }
  const { userId, inviteId } = registered;
  await audit(ctx, "user.register", userId, meta, inviteId ? { inviteId } : undefined);
  return getMe(ctx, userId);
}

export async function verifyEmail(ctx: AccountsContext, token: string, meta: RequestMeta) {
  const userId = await ctx.database.primary.transaction().execute(async (trx) => {
    const owner = await consumeOneTimeToken(trx, "verify_email", sha256(token));
    if (owner) await markVerified(trx, owner);
    return owner;
  });
  if (!userId)
    throw new AppError("INVALID_TOKEN", "This verification link is invalid, used or expired. Ask for a new one.");
  await audit(ctx, "user.verify_email", userId, meta);
}

/** Answers the same whether or not the address has an account, so it reveals nothing. */
export async function resendVerification(ctx: AccountsContext, rawEmail: string, meta: RequestMeta) {
  const email = rawEmail.toLowerCase();
  await ctx.limiter.hit(rateRules.verificationMailPerIp, countedAddress(meta.ip));
  await ctx.limiter.hit(rateRules.verificationMailPerEmail, email);
  const user = await findUserByEmail(ctx.database.primary, email);
  if (!user || user.is_verified) return;
  await ctx.database.primary.transaction().execute((trx) => mailSingleUseLink(ctx, trx, user, verificationLink));
}

export type LoginOutcome =
  | { kind: "session"; userId: string; session: StartedSession }
  | { kind: "challenge"; challenge: string };

export async function login(
  ctx: AccountsContext,
  input: { login: string; password: string },
  meta: RequestMeta,
): Promise<LoginOutcome> {
  const loginName = input.login.trim().toLowerCase();
  await ctx.limiter.hit(rateRules.loginPerIp, countedAddress(meta.ip));
  await ctx.limiter.hit(rateRules.loginPerAccount, loginName);
  const user = await findCredentialsByLogin(ctx.database.primary, loginName);
  const passwordMatches = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstNobody(input.password);
  if (!user || !passwordMatches) {
    await audit(ctx, "user.login", user?.id ?? null, meta, {
      success: false,
      reason: user ? "wrong_password" : "unknown_account",
    });
    throw new AppError("INVALID_CREDENTIALS", "The email, username or password is not correct");
  }
  await ctx.limiter.reset(rateRules.loginPerAccount, loginName);
  await assertMaySignIn(ctx, user, meta);
  if (user.two_factor_enabled) {
    const challenge = randomToken();
    await insertOneTimeToken(ctx.database.primary, {
      userId: user.id,
      purpose: "login_2fa",
      tokenHash: sha256(challenge),
      ttlSeconds: LOGIN_CHALLENGE_TTL,
    });
    return { kind: "challenge", challenge };
  }
  return { kind: "session", userId: user.id, session: await completeLogin(ctx, user.id, meta, "password") };
}

async function completeLogin(ctx: AccountsContext, userId: string, meta: RequestMeta, method: string) {
  const session = await startSession(ctx, userId, meta);
  await recordLogin(ctx.database.primary, userId);
  await audit(ctx, "user.login", userId, meta, { success: true, method });
  return session;
}

export async function loginWithSecondFactor(
  ctx: AccountsContext,
  input: { challenge: string; code: string },
  meta: RequestMeta,
) {
  const db = ctx.database.primary;
  const challengeHash = sha256(input.challenge);
  const userId = await peekOneTimeToken(db, "login_2fa", challengeHash);
  if (!userId) throw new AppError("INVALID_TOKEN", "This sign-in has expired. Start again with your password.");
  await ctx.limiter.hit(rateRules.twoFactorPerUser, userId);
  const user = await findCredentialsById(db, userId);
  const factor = user ? await verifySecondFactor(ctx, user, input.code) : null;
  if (!factor) {
    await audit(ctx, "user.login", userId, meta, { success: false, reason: "wrong_second_factor" });
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid");
  }
  // Suspended (or reset by an admin) between the password and the code.
  if (user) await assertMaySignIn(ctx, user, meta);
  if (!(await consumeOneTimeToken(db, "login_2fa", challengeHash))) {
    throw new AppError("INVALID_TOKEN", "This sign-in has already been completed");
  }
  return { userId, session: await completeLogin(ctx, userId, meta, `password+${factor}`) };
}

export async function logout(ctx: AccountsContext, userId: string, sessionId: string | null, meta: RequestMeta) {
  if (sessionId) await revokeSessions(ctx.database.primary, userId, { only: sessionId });
  await audit(ctx, "user.logout", userId, meta);
}

/** Checks the current password, sets the new one, and signs out every other session. */
export async function changePassword(
  ctx: AccountsContext,
  userId: string,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const user = await findCredentialsById(ctx.database.primary, userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  // The current password is an in-session confirmation: limited like sign-in.
  await countConfirmationAttempt(ctx, userId, meta);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("PASSWORD_INCORRECT", "The current password is not correct");
  }
  await forgetConfirmationFailures(ctx, userId);
  assertStrongPassword(input.newPassword, { email: user.email, username: user.username });
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await ctx.database.primary.transaction().execute(async (trx) => {
    // The same lock token creation takes: a token confirmed with the old password is either
    // inserted before this (and revoked below) or sees the new hash and is refused.
    await lockCredentials(trx, userId);
    await setPasswordHash(trx, userId, passwordHash);
    // Whoever knew the old password may have made tokens or sessions with it: all go.
    return revokeAllSignIns(trx, userId, { exceptSession: currentSessionId });
  });
  await audit(ctx, "user.password_change", userId, meta, {
    otherSessionsRevoked: revoked.sessions,
    accessTokensRevoked: revoked.accessTokens,
  });
}

export async function requestPasswordReset(ctx: AccountsContext, rawEmail: string, meta: RequestMeta) {
  const email = rawEmail.toLowerCase();
  await ctx.limiter.hit(rateRules.resetMailPerIp, countedAddress(meta.ip));
  await ctx.limiter.hit(rateRules.resetMailPerEmail, email);
  const user = await findUserByEmail(ctx.database.primary, email);
  if (!user) return;
  await ctx.database.primary.transaction().execute((trx) => mailSingleUseLink(ctx, trx, user, resetLink));
  await audit(ctx, "user.password_reset_requested", user.id, meta);
}

/** Sets a new password from a mailed token; every session and access token is revoked. */
export async function resetPassword(
  ctx: AccountsContext,
  input: { token: string; newPassword: string },
  meta: RequestMeta,
) {
  const db = ctx.database.primary;
  const userId = await peekOneTimeToken(db, "reset_password", sha256(input.token));
  const user = userId ? await findCredentialsById(db, userId) : undefined;
  if (!user) throw new AppError("INVALID_TOKEN", "This reset link is invalid, used or expired. Ask for a new one.");
  assertStrongPassword(input.newPassword, { email: user.email, username: user.username });
  const passwordHash = await hashPassword(input.newPassword);
  const done = await db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeToken(trx, "reset_password", sha256(input.token)))) return false;
    await setPasswordHash(trx, user.id, passwordHash);
    // Following the link proves the address is theirs.
    await markVerified(trx, user.id);
    await revokeAllSignIns(trx, user.id);
    return true;
  });
  if (!done) throw new AppError("INVALID_TOKEN", "This reset link has already been used");
  await audit(ctx, "user.password_reset", user.id, meta);
}

/**
 * Change 1: the one-way, self-service upgrade from `user` to `creator`, for verified
 * emails only. Idempotent for every creator-tier role; never overwrites a role an admin
 * assigned meanwhile.
 */
export async function upgradeToCreator(ctx: AccountsContext, userId: string, meta: RequestMeta) {
  const db = ctx.database.primary;
  const user = await findCredentialsById(db, userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const elevated = (current: { role: Role; promoted_to_creator_at: Date | null }) => ({
    role: current.role,
    promoted_to_creator_at: current.promoted_to_creator_at?.toISOString() ?? null,
    already_elevated: true,
  });
  if (isCreatorTier(user.role)) return elevated(user);
  if (!user.is_verified)
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before becoming a creator");
  const promoted = await promoteUserToCreator(db, userId);
  if (!promoted) {
    const reloaded = await findCredentialsById(db, userId);
    if (!reloaded) throw new AppError("NOT_FOUND", "User not found");
    if (isCreatorTier(reloaded.role)) return elevated(reloaded);
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before becoming a creator");
  }
  await audit(ctx, "user.upgrade_creator", userId, meta, { from: "user", to: promoted.role });
  return {
    role: promoted.role,
    promoted_to_creator_at: promoted.promoted_to_creator_at?.toISOString() ?? null,
    already_elevated: false,
  };
}

const operatorUserSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  username: z.string().regex(/^[a-z0-9_.-]{3,30}$/, "3–30 characters: lower-case letters, digits, _ . -"),
  role: roleSchema,
  password: z.string().min(10).max(256).optional(),
});

export class UserExistsError extends Error {}

/**
 * `stave admin create-user`: an operator makes an account (typically the first admin)
 * with a verified email. Without a password one is generated and returned once.
 */
export async function createUserAsOperator(
  db: Kysely<DB>,
  logger: Logger,
  input: { email: string; username: string; role: string; password?: string | undefined },
): Promise<{ id: string; role: Role; generatedPassword: string | null }> {
  const parsed = operatorUserSchema.parse(input);
  const generatedPassword = parsed.password ? null : randomBytes(18).toString("base64url");
  const password = parsed.password ?? (generatedPassword as string);
  const existing = await findUserByEmailOrUsername(db, parsed.email, parsed.username);
  if (existing) throw new UserExistsError(`A user with that email or username already exists (${existing.username})`);
  const id = await db.transaction().execute(async (trx) =>
    insertUser(trx, {
      email: parsed.email,
      username: parsed.username,
      passwordHash: await hashPassword(password),
      role: parsed.role,
      isVerified: true,
    }),
  );
  await recordAudit(db, logger, {
    actorId: null,
    action: "admin.user_create",
    targetType: "user",
    targetId: id,
    metadata: { via: "cli", role: parsed.role },
  });
  return { id, role: parsed.role, generatedPassword };
}
