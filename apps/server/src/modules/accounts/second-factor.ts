import type { AccountsContext } from "./accounts.context.ts";
import { claimTotpStep, consumeBackupCode, type findCredentialsById } from "./accounts.repo.ts";
import { matchTotpStep } from "./totp.ts";

export const SECRET_PURPOSE = "2fa-secret";
export const BACKUP_PURPOSE = "2fa-backup-code";

export const normaliseBackupCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

type Credentials = NonNullable<Awaited<ReturnType<typeof findCredentialsById>>>;

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
