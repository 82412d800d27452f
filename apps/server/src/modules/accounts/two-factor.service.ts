import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { recordAudit } from "../audit/index.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { findCredentialsById, updateTwoFactor } from "./accounts.repo.ts";
import { confirmAccountHolder, confirmRecentIdentity } from "./reauthentication.ts";
import { BACKUP_PURPOSE, normaliseBackupCode, SECRET_PURPOSE } from "./second-factor.ts";
import { revokeAllSignIns } from "./sessions.service.ts";
import { generateTotpSecret, matchTotpStep, otpauthUri } from "./totp.ts";

// Account deletion (privacy) confirms the account holder the same way as turning 2FA off.
export { confirmAccountHolder } from "./reauthentication.ts";
export { verifySecondFactor } from "./second-factor.ts";

const BACKUP_CODE_COUNT = 10;
// Unambiguous characters only (no 0/O, 1/l/I): codes are read off paper.
const BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

type Credentials = NonNullable<Awaited<ReturnType<typeof findCredentialsById>>>;

function newBackupCodes(ctx: AccountsContext) {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const raw = Array.from({ length: 10 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join("");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  const hashes = codes.map((code) => ctx.secrets.hmac(BACKUP_PURPOSE, normaliseBackupCode(code)));
  return { codes, hashes };
}

async function loadUser(ctx: AccountsContext, userId: string): Promise<Credentials> {
  const user = await findCredentialsById(ctx.database.primary, userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  return user;
}

export async function beginTwoFactorSetup(ctx: AccountsContext, userId: string) {
  const user = await loadUser(ctx, userId);
  if (user.two_factor_enabled)
    throw new AppError("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on");
  const secret = generateTotpSecret();
  await updateTwoFactor(ctx.database.primary, userId, {
    two_factor_pending_secret: ctx.secrets.encrypt(SECRET_PURPOSE, secret),
  });
  const uri = otpauthUri(user.email, ctx.siteName, secret);
  return { secret, otpauthUri: uri, qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/**
 * Turns two-factor on: the current password proves the account holder is at the keyboard
 * (else someone with a borrowed session could lock them out with their own authenticator),
 * and a code from the new secret proves the authenticator has it. People often turn it on
 * because they fear someone else got in: whatever that someone holds (another session, a
 * personal access token) was obtained without the second factor, so it dies here, as when
 * two-factor is turned off; this session stays signed in.
 */
export async function enableTwoFactor(
  ctx: AccountsContext,
  userId: string,
  currentSessionId: string | null,
  input: { code: string; password: string },
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, userId);
  if (user.two_factor_enabled)
    throw new AppError("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on");
  if (!user.two_factor_pending_secret) {
    throw new AppError("TWO_FACTOR_SETUP_REQUIRED", "Start the two-factor setup first");
  }
  await confirmRecentIdentity(ctx, user, { password: input.password }, meta);
  const secret = ctx.secrets.decrypt(SECRET_PURPOSE, user.two_factor_pending_secret);
  const step = matchTotpStep(secret, input.code.trim());
  if (step === null)
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid; check your authenticator's clock");
  const { codes, hashes } = newBackupCodes(ctx);
  const pendingSecret = user.two_factor_pending_secret;
  // One transaction: two-factor is never on while the credentials made without it still work.
  const revoked = await ctx.database.primary.transaction().execute(async (trx) => {
    await updateTwoFactor(trx, userId, {
      two_factor_enabled: true,
      two_factor_secret: pendingSecret,
      two_factor_pending_secret: null,
      two_factor_last_step: step,
      backup_codes: hashes,
    });
    return revokeAllSignIns(trx, userId, { exceptSession: currentSessionId });
  });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: userId,
    action: "user.2fa_enable",
    targetType: "user",
    targetId: userId,
    ...meta,
    metadata: { otherSessionsRevoked: revoked.sessions, accessTokensRevoked: revoked.accessTokens },
  });
  return { backupCodes: codes };
}

/**
 * Turns two-factor off, with the password and a code. The account is weaker from here on,
 * so every other credential made under the stronger regime dies with it: personal access
 * tokens and the other sessions (this one stays signed in).
 */
export async function disableTwoFactor(
  ctx: AccountsContext,
  userId: string,
  currentSessionId: string | null,
  input: { password: string; code: string },
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, userId);
  if (!user.two_factor_enabled) throw new AppError("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is off");
  await confirmAccountHolder(ctx, user, input, meta);
  const revoked = await ctx.database.primary.transaction().execute(async (trx) => {
    await updateTwoFactor(trx, userId, {
      two_factor_enabled: false,
      two_factor_secret: null,
      two_factor_pending_secret: null,
      two_factor_last_step: null,
      backup_codes: [],
    });
    return revokeAllSignIns(trx, userId, { exceptSession: currentSessionId });
  });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: userId,
    action: "user.2fa_disable",
    targetType: "user",
    targetId: userId,
    ...meta,
    metadata: { otherSessionsRevoked: revoked.sessions, accessTokensRevoked: revoked.accessTokens },
  });
}

/** New backup codes (the old ones stop working), after the password or a second-factor code. */
export async function regenerateBackupCodes(
  ctx: AccountsContext,
  userId: string,
  input: { password?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, userId);
  if (!user.two_factor_enabled) throw new AppError("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is off");
  await confirmRecentIdentity(ctx, user, input, meta);
  const { codes, hashes } = newBackupCodes(ctx);
  await updateTwoFactor(ctx.database.primary, userId, { backup_codes: hashes });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: userId,
    action: "user.2fa_backup_codes_regenerate",
    targetType: "user",
    targetId: userId,
    ...meta,
  });
  return { backupCodes: codes };
}
