import type { Secrets } from "../../platform/crypto.ts";
import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter, RateRule } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";
import type { InstanceSettings } from "../instance/index.ts";

/** What the accounts services need, built once in app.ts. */
export interface AccountsContext {
  database: Database;
  secrets: Secrets;
  limiter: RateLimiter;
  logger: Logger;
  publicUrl: string;
  /** The configured site name, or the one an admin set (see InstanceSettings). */
  siteName: string;
  /** Registration mode and the other settings an admin changes without a restart. */
  settings: InstanceSettings;
}

const minutes = (n: number) => n * 60;

/**
 * Every rate limit of the accounts module in one table. The `*PerIp` rules count
 * `countedAddress(meta.ip)` (an IPv6 client's whole /64), never the raw address.
 */
export const rateRules = {
  loginPerIp: { name: "login:ip", limit: 30, windowSeconds: minutes(15) },
  loginPerAccount: { name: "login:account", limit: 10, windowSeconds: minutes(15) },
  twoFactorPerUser: { name: "2fa:user", limit: 5, windowSeconds: minutes(15) },
  // In-session confirmations (password, TOTP or backup code before a sensitive change): as
  // strict as sign-in, so a stolen session cannot be used to guess the password or a code.
  confirmPerUser: { name: "confirm:user", limit: 10, windowSeconds: minutes(15) },
  confirmPerIp: { name: "confirm:ip", limit: 30, windowSeconds: minutes(15) },
  registerPerIp: { name: "register:ip", limit: 10, windowSeconds: minutes(60) },
  verificationMailPerIp: { name: "verify-mail:ip", limit: 10, windowSeconds: minutes(60) },
  verificationMailPerEmail: { name: "verify-mail:email", limit: 3, windowSeconds: minutes(60) },
  resetMailPerIp: { name: "reset-mail:ip", limit: 10, windowSeconds: minutes(60) },
  resetMailPerEmail: { name: "reset-mail:email", limit: 3, windowSeconds: minutes(60) },
} satisfies Record<string, RateRule>;
