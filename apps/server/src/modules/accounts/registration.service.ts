import type { Me, RegisterRequest } from "@stave/contracts";
import type { Kysely } from "kysely";
import { sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { countedAddress } from "../../platform/http/client-address.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { type AccountsContext, rateRules } from "./accounts.context.ts";
import { verifyEmailMail } from "./accounts.mails.ts";
import { findUserByEmail, findUserByEmailOrUsername, insertUser, markVerified } from "./accounts.repo.ts";
import { assertStrongPassword, audit, mailSingleUseLink } from "./accounts.shared.ts";
import { admitToRegistration, spendInviteCode } from "./invites.service.ts";
import { getMe } from "./me.service.ts";
import { consumeOneTimeToken } from "./one-time-tokens.repo.ts";
import { hashPassword } from "./passwords.ts";

const VERIFY_EMAIL_TTL = 24 * 3600;

const verificationLink = {
  purpose: "verify_email",
  ttlSeconds: VERIFY_EMAIL_TTL,
  page: "verify-email",
  mail: verifyEmailMail,
} as const;

/** The verification link again, for an admin helping a user (runs in the caller's transaction). */
export const mailVerificationLink = (ctx: AccountsContext, db: Kysely<DB>, user: { id: string; email: string }) =>
  mailSingleUseLink(ctx, db, user, verificationLink);

const uniqueViolation = (error: unknown): string | null =>
  typeof error === "object" && error && "code" in error && error.code === "23505" && "constraint" in error
    ? String(error.constraint)
    : null;

export async function register(ctx: AccountsContext, input: RegisterRequest, meta: RequestMeta): Promise<Me> {
  await ctx.limiter.hit(rateRules.registerPerIp, countedAddress(meta.ip));
  const inviteHash = await admitToRegistration(ctx, input.inviteCode);
  const email = input.email.toLowerCase();
  assertStrongPassword(input.password, { email, username: input.username });
  const existing = await findUserByEmailOrUsername(ctx.database.primary, email, input.username);
  if (existing?.email.toLowerCase() === email)
    throw new AppError("EMAIL_TAKEN", "An account with this email already exists");
  if (existing) throw new AppError("USERNAME_TAKEN", "This username is taken");
  const passwordHash = await hashPassword(input.password);
  let registered: { userId: string; inviteId: string | null };
  try {
    registered = await ctx.database.primary.transaction().execute(async (trx) => {
      // Spent in the same transaction as the account: of two people racing for a code's last use, one gets it.
      const invite = inviteHash ? await spendInviteCode(trx, inviteHash) : null;
      const id = await insertUser(trx, {
        email,
        username: input.username,
        passwordHash,
        role: "user",
        isVerified: false,
      });
      await mailSingleUseLink(ctx, trx, { id, email }, verificationLink);
      return { userId: id, inviteId: invite };
    });
  } catch (error) {
    // Two sign-ups racing for the same name: the loser gets the same answer as above.
    const constraint = uniqueViolation(error);
    if (constraint === "users_email_key")
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists");
    if (constraint === "users_username_key") throw new AppError("USERNAME_TAKEN", "This username is taken");
    throw error;
  }
  const { userId, inviteId } = registered;
  await audit(ctx, "user.register", userId, meta, inviteId ? { inviteId } : undefined);
  return getMe(ctx, userId);
}

export async function verifyEmail(ctx: AccountsContext, token: string, meta: RequestMeta) {
  const userId = await ctx.database.primary.transaction().execute(async (trx) => {
    const owner = await consumeOneTimeToken(trx, "verify_email", sha256(token));
    if (owner) await markVerified(trx, owner);
    return owner;
  });
  if (!userId)
    throw new AppError("INVALID_TOKEN", "This verification link is invalid, used or expired. Ask for a new one.");
  await audit(ctx, "user.verify_email", userId, meta);
}

/** Answers the same whether or not the address has an account, so it reveals nothing. */
export async function resendVerification(ctx: AccountsContext, rawEmail: string, meta: RequestMeta) {
  const email = rawEmail.toLowerCase();
  await ctx.limiter.hit(rateRules.verificationMailPerIp, countedAddress(meta.ip));
  await ctx.limiter.hit(rateRules.verificationMailPerEmail, email);
  const user = await findUserByEmail(ctx.database.primary, email);
  if (!user || user.is_verified) return;
  await ctx.database.primary.transaction().execute((trx) => mailSingleUseLink(ctx, trx, user, verificationLink));
}
