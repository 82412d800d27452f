import { authenticator } from "otplib";

// RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30 s steps,
// accepting the neighbouring step either side for clock drift.
authenticator.options = { step: 30, digits: 6, window: 1 };

export const TOTP_STEP_SECONDS = 30;

export const generateTotpSecret = () => authenticator.generateSecret(20);

export const otpauthUri = (accountName: string, issuer: string, secret: string) =>
  authenticator.keyuri(accountName, issuer, secret);

/**
 * The time step a code belongs to when it is valid now (±1 step), else null. The caller
 * stores the step so the same code cannot be used twice.
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS) + delta;
}
