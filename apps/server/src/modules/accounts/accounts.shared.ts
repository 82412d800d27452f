import type { Kysely } from "kysely";
import { randomToken, sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { type MailContent, queueMail } from "../../platform/mail/index.ts";
import { recordAudit } from "../audit/index.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { insertOneTimeToken, retireOneTimeTokens } from "./one-time-tokens.repo.ts";
import { passwordWeakness } from "./passwords.ts";

// Helpers shared by the account flows (registration, sign-in, passwords, creator upgrade).

export const MAIL_ACCEPTED = "If that address belongs to an account that needs it, a mail is on its way.";

export function assertStrongPassword(password: string, context: { email?: string; username?: string }) {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw new AppError("WEAK_PASSWORD", weakness);
}

export async function audit(
  ctx: AccountsContext,
  action: string,
  actorId: string | null,
  meta: RequestMeta,
  metadata?: Record<string, unknown>,
) {
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId,
    action,
    targetType: "user",
    ...(actorId && { targetId: actorId }),
    ...meta,
    ...(metadata && { metadata }),
  });
}

/**
 * Mails a fresh single-use link (`<PUBLIC_URL>/<page>#token=…`), retiring the user's older
 * ones of the same purpose so only the newest link works. Runs in the caller's transaction.
 * The token is in the fragment, which browsers do not send: no access log on the way sees it.
 */
export async function mailSingleUseLink(
  ctx: AccountsContext,
  db: Kysely<DB>,
  user: { id: string; email: string },
  link: {
    purpose: "verify_email" | "reset_password";
    ttlSeconds: number;
    page: string;
    mail: (siteName: string, url: string) => MailContent;
  },
) {
  const token = randomToken();
  await retireOneTimeTokens(db, user.id, link.purpose);
  await insertOneTimeToken(db, {
    userId: user.id,
    purpose: link.purpose,
    tokenHash: sha256(token),
    ttlSeconds: link.ttlSeconds,
  });
  await queueMail(db, user.email, link.mail(ctx.siteName, `${ctx.publicUrl}/${link.page}#token=${token}`));
}
