import { countedAddress } from "../../platform/http/client-address.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { type AccountsContext, rateRules } from "./accounts.context.ts";
import type { findCredentialsById } from "./accounts.repo.ts";
import { verifyPassword } from "./passwords.ts";
import { verifySecondFactor } from "./second-factor.ts";

type Credentials = NonNullable<Awaited<ReturnType<typeof findCredentialsById>>>;

/**
 * Counts one confirmation attempt, like a sign-in attempt: per account and per client
 * address. Throws 429 RATE_LIMITED (with Retry-After) past the limit. The request meta is
 * required: without it one address could guess passwords across many accounts unlimited.
 */
export async function countConfirmationAttempt(ctx: AccountsContext, userId: string, meta: RequestMeta) {
  await ctx.limiter.hit(rateRules.confirmPerUser, userId);
  await ctx.limiter.hit(rateRules.confirmPerIp, countedAddress(meta.ip));
}

/** A successful confirmation forgets the account's failures, as a successful sign-in does. */
export const forgetConfirmationFailures = (ctx: AccountsContext, userId: string) =>
  ctx.limiter.reset(rateRules.confirmPerUser, userId);

async function checkPassword(user: Credentials, password: string) {
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
    throw new AppError("PASSWORD_INCORRECT", "The password is not correct");
  }
}

async function checkSecondFactor(ctx: AccountsContext, user: Credentials, code: string) {
  if (!user.two_factor_enabled) {
    throw new AppError("INVALID_TWO_FACTOR_CODE", "Two-factor sign-in is off: confirm with your password");
  }
  if (!(await verifySecondFactor(ctx, user, code))) {
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid");
  }
}

/**
 * Confirms it is really the account holder before something drastic (account deletion,
 * turning two-factor off): the password, and a second factor when two-factor sign-in is on.
 */
export async function confirmAccountHolder(
  ctx: AccountsContext,
  user: Credentials,
  input: { password: string; code?: string | undefined },
  meta: RequestMeta,
) {
  if (user.two_factor_enabled && !input.code) {
    throw new AppError("INVALID_TWO_FACTOR_CODE", "Enter a code from your authenticator app");
  }
  await countConfirmationAttempt(ctx, user.id, meta);
  await checkPassword(user, input.password);
  if (user.two_factor_enabled && input.code) await checkSecondFactor(ctx, user, input.code);
  await forgetConfirmationFailures(ctx, user.id);
}

/**
 * Confirms, inside a signed-in session, that the person at the keyboard holds the account's
 * strongest factor (creating a token, replacing backup codes, turning two-factor on): with
 * two-factor on, a fresh second-factor code (TOTP or backup code) is required, since a stolen
 * session plus a leaked password must not be enough to mint a token or replace the owner's
 * backup codes; without it, the password. A password given alongside a code is checked too:
 * every one given must be right.
 */
export async function confirmRecentIdentity(
  ctx: AccountsContext,
  user: Credentials,
  input: { password?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
) {
  if (user.two_factor_enabled && !input.code) {
    // Refused before anything is checked or counted: a password alone proves nothing here,
    // and checking it would tell a guesser whether it was right.
    throw new AppError(
      "REAUTH_REQUIRED",
      "Confirm it is you: enter a code from your authenticator app or one of your backup codes",
    );
  }
  if (!input.password && !input.code) {
    throw new AppError("REAUTH_REQUIRED", "Confirm it is you: enter your password");
  }
  await countConfirmationAttempt(ctx, user.id, meta);
  if (input.password) await checkPassword(user, input.password);
  if (input.code) await checkSecondFactor(ctx, user, input.code);
  await forgetConfirmationFailures(ctx, user.id);
}
