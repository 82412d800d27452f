import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { AppError } from "../../platform/http/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { AccountsContext, RequestMeta } from "./accounts.context.ts";
import { claimTotpStep, consumeBackupCode, findCredentialsById, updateTwoFactor } from "./accounts.repo.ts";
import { verifyPassword } from "./passwords.ts";
import { generateTotpSecret, matchTotpStep, otpauthUri } from "./totp.ts";

const SECRET_PURPOSE = "2fa-secret";
const BACKUP_PURPOSE = "2fa-backup-code";
const BACKUP_CODE_COUNT = 10;
// Unambiguous characters only (no 0/O, 1/l/I): codes are read off paper.
const BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

type Credentials = NonNullable<Awaited<ReturnType<typeof findCredentialsById>>>;

const normaliseBackupCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

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

/**
 * Checks a second factor: a TOTP code (accepted once per time step) or a backup code
 * (removed on use). Returns which one matched, or null.
 */
export async function verifySecondFactor(
  ctx: AccountsContext,
  user: Credentials,
  code: string,
): Promise<"totp" | "backup_code" | null> {
  const db = ctx.database.primary;
  if (!user.two_factor_enabled || !user.two_factor_secret) return null;
  const secret = ctx.secrets.decrypt(SECRET_PURPOSE, user.two_factor_secret);
  const step = matchTotpStep(secret, code.trim());
  if (step !== null) return (await claimTotpStep(db, user.id, step)) ? "totp" : null;
  const normalised = normaliseBackupCode(code);
  if (normalised.length !== 10) return null;
  return (await consumeBackupCode(db, user.id, ctx.secrets.hmac(BACKUP_PURPOSE, normalised))) ? "backup_code" : null;
}

/**
 * Confirms it is really the account holder before something drastic: the password, and a
 * second factor when two-factor sign-in is on.
 */
export async function confirmAccountHolder(
  ctx: AccountsContext,
  user: Credentials,
  input: { password: string; code?: string | undefined },
) {
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError("PASSWORD_INCORRECT", "The password is not correct");
  }
  if (!user.two_factor_enabled) return;
  if (!input.code) throw new AppError("INVALID_TWO_FACTOR_CODE", "Enter a code from your authenticator app");
  if (!(await verifySecondFactor(ctx, user, input.code))) {
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid");
  }
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

export async function enableTwoFactor(ctx: AccountsContext, userId: string, code: string, meta: RequestMeta) {
  const user = await loadUser(ctx, userId);
  if (user.two_factor_enabled)
    throw new AppError("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on");
  if (!user.two_factor_pending_secret) {
    throw new AppError("TWO_FACTOR_SETUP_REQUIRED", "Start the two-factor setup first");
  }
  const secret = ctx.secrets.decrypt(SECRET_PURPOSE, user.two_factor_pending_secret);
  const step = matchTotpStep(secret, code.trim());
  if (step === null)
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid; check your authenticator's clock");
  const { codes, hashes } = newBackupCodes(ctx);
  await updateTwoFactor(ctx.database.primary, userId, {
    two_factor_enabled: true,
    two_factor_secret: user.two_factor_pending_secret,
    two_factor_pending_secret: null,
    two_factor_last_step: step,
    backup_codes: hashes,
  });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: userId,
    action: "user.2fa_enable",
    targetType: "user",
    targetId: userId,
    ...meta,
  });
  return { backupCodes: codes };
}

export async function disableTwoFactor(
  ctx: AccountsContext,
  userId: string,
  input: { password: string; code: string },
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, userId);
  if (!user.two_factor_enabled) throw new AppError("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is off");
  await confirmAccountHolder(ctx, user, input);
  await updateTwoFactor(ctx.database.primary, userId, {
    two_factor_enabled: false,
    two_factor_secret: null,
    two_factor_pending_secret: null,
    two_factor_last_step: null,
    backup_codes: [],
  });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: userId,
    action: "user.2fa_disable",
    targetType: "user",
    targetId: userId,
    ...meta,
  });
}

export async function regenerateBackupCodes(ctx: AccountsContext, userId: string, code: string, meta: RequestMeta) {
  const user = await loadUser(ctx, userId);
  if (!user.two_factor_enabled) throw new AppError("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is off");
  if (!(await verifySecondFactor(ctx, user, code)))
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid");
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
