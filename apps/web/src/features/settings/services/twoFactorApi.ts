import {
  backupCodesSchema,
  type ReauthRequest,
  type TwoFactorEnableRequest,
  type TwoFactorSetup,
  twoFactorSetupSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

/** Starts enrolment: a new secret, not active until confirmed with a code. */
export function startTwoFactorSetup(): Promise<TwoFactorSetup> {
  return apiRequest("/api/v1/users/me/2fa/setup", { method: "POST", schema: twoFactorSetupSchema });
}

/** Confirms enrolment with a code and the current password; the backup codes come back this once. */
export async function enableTwoFactor(request: TwoFactorEnableRequest): Promise<string[]> {
  const reply = await apiRequest("/api/v1/users/me/2fa/enable", {
    method: "POST",
    body: request,
    schema: backupCodesSchema,
  });
  return reply.backupCodes;
}

export function disableTwoFactor(password: string, code: string): Promise<undefined> {
  return apiRequest("/api/v1/users/me/2fa/disable", { method: "POST", body: { password, code } });
}

/** Replaces every backup code (after the password or a code); the old ones stop working. */
export async function regenerateBackupCodes(confirmation: ReauthRequest): Promise<string[]> {
  const reply = await apiRequest("/api/v1/users/me/2fa/backup-codes", {
    method: "POST",
    body: confirmation,
    schema: backupCodesSchema,
  });
  return reply.backupCodes;
}
