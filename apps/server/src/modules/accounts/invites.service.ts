import type { InviteCode } from "@stave/contracts";
import type { Kysely } from "kysely";
import { randomToken, sha256 } from "../../platform/crypto.ts";
import type { DB } from "../../platform/db/schema.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { recordAudit } from "../audit/index.ts";
import type { AccountsContext } from "./accounts.context.ts";
import {
  countInviteUse,
  findUsableInvite,
  type InviteRow,
  insertInvite,
  listInvites,
  revokeInvite,
} from "./invites.repo.ts";

/** Characters of a code kept in the clear, so an admin can tell codes apart in the list. */
const HINT_LENGTH = 6;
const LIST_LIMIT = 500;

/** How a code is looked up: only its hash is stored. */
export const inviteCodeHash = (code: string) => sha256(code.trim()).toString("hex");

export const presentInvite = (row: InviteRow): InviteCode => ({
  id: row.id,
  hint: row.code_hint,
  note: row.note,
  maxUses: row.max_uses,
  uses: row.uses,
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Makes a code (random, URL-safe), shown this once: only its hash and first characters are kept. */
export async function createInvite(
  ctx: AccountsContext,
  adminId: string,
  input: { note: string; maxUses: number; expiresInDays?: number | undefined },
  meta: RequestMeta,
) {
  const code = randomToken(16);
  const row = await insertInvite(ctx.database.primary, {
    codeHash: inviteCodeHash(code),
    hint: code.slice(0, HINT_LENGTH),
    note: input.note,
    maxUses: input.maxUses,
    expiresInDays: input.expiresInDays,
    createdBy: adminId,
  });
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: adminId,
    action: "admin.invite_create",
    targetType: "invite",
    targetId: row.id,
    ...meta,
    metadata: { hint: row.code_hint, maxUses: row.max_uses, expiresAt: row.expires_at?.toISOString() ?? null },
  });
  return { ...presentInvite(row), code };
}

/** Newest first. The primary: an admin expects the code they just made in the list. */
export async function listInviteCodes(ctx: AccountsContext) {
  return { items: (await listInvites(ctx.database.primary, LIST_LIMIT)).map(presentInvite) };
}

export async function revokeInviteCode(ctx: AccountsContext, adminId: string, id: string, meta: RequestMeta) {
  const row = await revokeInvite(ctx.database.primary, id);
  if (!row) throw notFound("Invite code");
  await recordAudit(ctx.database.primary, ctx.logger, {
    actorId: adminId,
    action: "admin.invite_revoke",
    targetType: "invite",
    targetId: id,
    ...meta,
    metadata: { hint: row.code_hint, uses: row.uses },
  });
}

const invalidInvite = () =>
  new AppError("INVITE_CODE_INVALID", "Registration here is by invitation: this invite code is not valid");

/**
 * The instance's registration mode decides who may sign up: anyone, nobody (accounts are
 * then made by an operator: `stave admin create-user`, which does not ask), or holders of a
 * usable invite code. Answers the code's hash when one must be spent with the account.
 */
export async function admitToRegistration(ctx: AccountsContext, inviteCode: string | undefined) {
  const { registrationMode } = await ctx.settings.current();
  if (registrationMode === "closed")
    throw new AppError("REGISTRATION_CLOSED", "This instance is not accepting new accounts");
  if (registrationMode === "open") return null;
  if (!inviteCode) throw invalidInvite();
  const codeHash = inviteCodeHash(inviteCode);
  // Checked before anything else is looked up, so without a code nobody learns which emails have accounts.
  if (!(await findUsableInvite(ctx.database.primary, codeHash))) throw invalidInvite();
  return codeHash;
}

/** Counts one use of the code in the registration's transaction; refuses (rolling it back) when none is left. */
export async function spendInviteCode(trx: Kysely<DB>, codeHash: string): Promise<string> {
  const invite = await countInviteUse(trx, codeHash);
  if (!invite) throw invalidInvite();
  return invite.id;
}
