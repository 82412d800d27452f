import type { Kysely } from "kysely";
import { sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { countedAddress } from "../../platform/http/client-address.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { type AccountsContext, rateRules } from "./accounts.context.ts";
import { forcedPasswordResetMail, resetPasswordMail } from "./accounts.mails.ts";
import {
  findCredentialsById,
  findUserByEmail,
  lockCredentials,
  markVerified,
  setPasswordHash,
} from "./accounts.repo.ts";
import { assertStrongPassword, audit, mailSingleUseLink } from "./accounts.shared.ts";
import { consumeOneTimeToken, peekOneTimeToken } from "./one-time-tokens.repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { countConfirmationAttempt, forgetConfirmationFailures } from "./reauthentication.ts";
import { revokeAllSignIns } from "./sessions.service.ts";

const RESET_PASSWORD_TTL = 3600;

const resetLink = {
  purpose: "reset_password",
  ttlSeconds: RESET_PASSWORD_TTL,
  page: "reset-password",
  mail: resetPasswordMail,
} as const;

/** A reset link, for an admin who forced a password reset (runs in the caller's transaction). */
export const mailForcedPasswordResetLink = (
  ctx: AccountsContext,
  db: Kysely<DB>,
  user: { id: string; email: string },
) => mailSingleUseLink(ctx, db, user, { ...resetLink, mail: forcedPasswordResetMail });

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
