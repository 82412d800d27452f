import { api, type ReauthRequest, type TwoFactorEnableRequest, type TwoFactorSetup } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

/** Starts enrolment: a new secret, not active until confirmed with a code. */
export function startTwoFactorSetup(): Promise<TwoFactorSetup> {
  return callApi(api.me.startTwoFactorSetup);
}

/** Confirms enrolment with a code and the current password; the backup codes come back this once. */
export async function enableTwoFactor(request: TwoFactorEnableRequest): Promise<string[]> {
  const reply = await callApi(api.me.enableTwoFactor, { body: request });
  return reply.backupCodes;
}

export function disableTwoFactor(password: string, code: string): Promise<undefined> {
  return callApi(api.me.disableTwoFactor, { body: { password, code } });
}

/** Replaces every backup code (after the password or a code); the old ones stop working. */
export async function regenerateBackupCodes(confirmation: ReauthRequest): Promise<string[]> {
  const reply = await callApi(api.me.regenerateBackupCodes, { body: confirmation });
  return reply.backupCodes;
}
