import type { AuditEntry } from "@stave/contracts";

/** Readable names for the audit actions a person sees about their own account. */
const labels: Record<string, string> = {
  "user.register": "Account created",
  "user.verify_email": "Email address verified",
  "user.login": "Signed in",
  "user.login_failed": "Failed sign-in attempt",
  "user.logout": "Signed out",
  "user.password_change": "Password changed",
  "user.password_reset_requested": "Password reset requested",
  "user.password_reset": "Password reset by email",
  "user.2fa_enable": "Two-factor authentication turned on",
  "user.2fa_disable": "Two-factor authentication turned off",
  "user.2fa_backup_codes_regenerate": "New backup codes generated",
  "user.upgrade_creator": "Upgraded to a creator account",
  "user.token_create": "Personal access token created",
  "user.token_revoke": "Personal access token revoked",
};

const failedSignInReasons: Record<string, string> = {
  wrong_password: "Failed sign-in attempt: wrong password",
  wrong_second_factor: "Failed sign-in attempt: wrong two-factor code",
};

/** The server logs a failed sign-in as `user.login` with `metadata.success: false`. */
export function isFailedAttempt(entry: AuditEntry): boolean {
  return entry.metadata.success === false || entry.action.endsWith("_failed");
}

export function securityEventLabel(entry: AuditEntry): string {
  if (entry.action === "user.login" && isFailedAttempt(entry)) {
    const reason = entry.metadata.reason;
    return (typeof reason === "string" ? failedSignInReasons[reason] : undefined) ?? "Failed sign-in attempt";
  }
  return labels[entry.action] ?? entry.action;
}
