import type { ReauthRequest } from "@stave/contracts";
import { errorResponse } from "../errors.ts";
import { MOCK_TOTP_CODE } from "./factories.ts";
import type { MockUser } from "./state.ts";

/** A TOTP code (always MOCK_TOTP_CODE here) or an unused backup code, which is then spent. */
export function checkSecondFactor(user: MockUser, code: string): boolean {
  if (code === MOCK_TOTP_CODE) return true;
  const index = user.backupCodes.indexOf(code);
  if (index === -1) return false;
  user.backupCodes.splice(index, 1);
  return true;
}

/**
 * The server's in-session confirmation: the password; with two-factor on, a second-factor
 * code (a password given too is checked). The error reply it would give, or nothing when
 * confirmed.
 */
export function confirmationFailure(user: MockUser, confirmation: ReauthRequest): Response | undefined {
  if (user.me.twoFactorEnabled && !confirmation.code) {
    return errorResponse(
      "REAUTH_REQUIRED",
      "Confirm it is you: enter a code from your authenticator app or one of your backup codes.",
    );
  }
  if (!confirmation.password && !confirmation.code) {
    return errorResponse("REAUTH_REQUIRED", "Confirm it is you: enter your password.");
  }
  if (confirmation.password !== undefined && confirmation.password !== user.password) {
    return errorResponse("PASSWORD_INCORRECT", "The password is not correct.");
  }
  if (confirmation.code !== undefined && !(user.me.twoFactorEnabled && checkSecondFactor(user, confirmation.code))) {
    return errorResponse("INVALID_TWO_FACTOR_CODE", "That code is not valid.");
  }
  return undefined;
}
