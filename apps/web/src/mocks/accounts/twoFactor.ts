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
