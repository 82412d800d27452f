import { randomToken, sha256 } from "../../platform/crypto.ts";
import { countedAddress } from "../../platform/http/client-address.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { type AccountsContext, rateRules } from "./accounts.context.ts";
import { findCredentialsById, findCredentialsByLogin, recordLogin } from "./accounts.repo.ts";
import { audit } from "./accounts.shared.ts";
import { consumeOneTimeToken, insertOneTimeToken, peekOneTimeToken } from "./one-time-tokens.repo.ts";
import { verifyAgainstNobody, verifyPassword } from "./passwords.ts";
import { verifySecondFactor } from "./second-factor.ts";
import { revokeSessions } from "./sessions.repo.ts";
import { type StartedSession, startSession } from "./sessions.service.ts";

const LOGIN_CHALLENGE_TTL = 5 * 60;

/**
 * Checked only once the password (or second factor) is proven, so a stranger learns nothing
 * about the account. A suspension outlasts any password; a forced reset wants the mailed link.
 */
async function assertMaySignIn(
  ctx: AccountsContext,
  user: { id: string; suspended_at: Date | null; suspension_reason: string | null; password_reset_required: boolean },
  meta: RequestMeta,
) {
  if (user.suspended_at) {
    await audit(ctx, "user.login", user.id, meta, { success: false, reason: "suspended" });
    const reason = user.suspension_reason ? `: ${user.suspension_reason}` : "";
    throw new AppError("ACCOUNT_SUSPENDED", `This account is suspended${reason}`);
  }
  if (user.password_reset_required) {
    await audit(ctx, "user.login", user.id, meta, { success: false, reason: "password_reset_required" });
    throw new AppError(
      "PASSWORD_RESET_REQUIRED",
      "An administrator asked for a new password on this account: check your email for the reset link",
    );
  }
}

export type LoginOutcome =
  | { kind: "session"; userId: string; session: StartedSession }
  | { kind: "challenge"; challenge: string };

export async function login(
  ctx: AccountsContext,
  input: { login: string; password: string },
  meta: RequestMeta,
): Promise<LoginOutcome> {
  const loginName = input.login.trim().toLowerCase();
  await ctx.limiter.hit(rateRules.loginPerIp, countedAddress(meta.ip));
  await ctx.limiter.hit(rateRules.loginPerAccount, loginName);
  const user = await findCredentialsByLogin(ctx.database.primary, loginName);
  const passwordMatches = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstNobody(input.password);
  if (!user || !passwordMatches) {
    await audit(ctx, "user.login", user?.id ?? null, meta, {
      success: false,
      reason: user ? "wrong_password" : "unknown_account",
    });
    throw new AppError("INVALID_CREDENTIALS", "The email, username or password is not correct");
  }
  await ctx.limiter.reset(rateRules.loginPerAccount, loginName);
  await assertMaySignIn(ctx, user, meta);
  if (user.two_factor_enabled) {
    const challenge = randomToken();
    await insertOneTimeToken(ctx.database.primary, {
      userId: user.id,
      purpose: "login_2fa",
      tokenHash: sha256(challenge),
      ttlSeconds: LOGIN_CHALLENGE_TTL,
    });
    return { kind: "challenge", challenge };
  }
  return { kind: "session", userId: user.id, session: await completeLogin(ctx, user.id, meta, "password") };
}

async function completeLogin(ctx: AccountsContext, userId: string, meta: RequestMeta, method: string) {
  const session = await startSession(ctx, userId, meta);
  await recordLogin(ctx.database.primary, userId);
  await audit(ctx, "user.login", userId, meta, { success: true, method });
  return session;
}

export async function loginWithSecondFactor(
  ctx: AccountsContext,
  input: { challenge: string; code: string },
  meta: RequestMeta,
) {
  const db = ctx.database.primary;
  const challengeHash = sha256(input.challenge);
  const userId = await peekOneTimeToken(db, "login_2fa", challengeHash);
  if (!userId) throw new AppError("INVALID_TOKEN", "This sign-in has expired. Start again with your password.");
  await ctx.limiter.hit(rateRules.twoFactorPerUser, userId);
  const user = await findCredentialsById(db, userId);
  const factor = user ? await verifySecondFactor(ctx, user, input.code) : null;
  if (!factor) {
    await audit(ctx, "user.login", userId, meta, { success: false, reason: "wrong_second_factor" });
    throw new AppError("INVALID_TWO_FACTOR_CODE", "That code is not valid");
  }
  // Suspended (or reset by an admin) between the password and the code.
  if (user) await assertMaySignIn(ctx, user, meta);
  if (!(await consumeOneTimeToken(db, "login_2fa", challengeHash))) {
    throw new AppError("INVALID_TOKEN", "This sign-in has already been completed");
  }
  return { userId, session: await completeLogin(ctx, userId, meta, `password+${factor}`) };
}

export async function logout(ctx: AccountsContext, userId: string, sessionId: string | null, meta: RequestMeta) {
  if (sessionId) await revokeSessions(ctx.database.primary, userId, { only: sessionId });
  await audit(ctx, "user.logout", userId, meta);
}
