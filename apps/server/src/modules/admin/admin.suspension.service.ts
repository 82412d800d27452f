import { AppError, notFound } from "../../platform/http/errors.ts";
import type { AccountsContext } from "../accounts/accounts.context.ts";
import { mailForcedPasswordResetLink } from "../accounts/accounts.service.ts";
import { revokeAllSignIns } from "../accounts/sessions.service.ts";
import { hideReadyTracksOf, showHiddenTracksOf } from "../tracks/tracks.repo.ts";
import { type AdminActor, type AdminDeps, auditAdminAction, isActor } from "./admin.actor.ts";
import { lockLiveUser, requirePasswordReset, writeSuspension } from "./admin.users.repo.ts";

/**
 * Suspends an account: it cannot sign in, is signed out everywhere (sessions and access
 * tokens), and its processed tracks turn 'hidden', which every public read leaves out. All in
 * one transaction under the user's row lock, which the track publisher waits for (see
 * tracks.repo's `lockOwnerAgainstSuspension`), so no track of theirs turns 'ready' meanwhile.
 */
export async function suspendUser(deps: AdminDeps, actor: AdminActor, userId: string, reason: string) {
  if (isActor(actor, userId)) throw new AppError("CONFLICT", "You cannot suspend your own account");
  const done = await deps.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) throw notFound("User");
    if (user.suspended_at) throw new AppError("CONFLICT", "This account is already suspended");
    await writeSuspension(trx, userId, reason);
    const revoked = await revokeAllSignIns(trx, userId);
    const tracksHidden = await hideReadyTracksOf(trx, userId);
    return { sessionsRevoked: revoked.sessions, accessTokensRevoked: revoked.accessTokens, tracksHidden };
  });
  await auditAdminAction(deps, actor, "admin.user_suspend", userId, { reason, ...done });
}

/** Lifts a suspension; tracks come back, except those a moderator took down, which stay hidden. */
export async function unsuspendUser(deps: AdminDeps, actor: AdminActor, userId: string) {
  const done = await deps.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) throw notFound("User");
    if (!user.suspended_at) throw new AppError("CONFLICT", "This account is not suspended");
    await writeSuspension(trx, userId, null);
    return { reason: user.suspension_reason, tracksRestored: await showHiddenTracksOf(trx, userId) };
  });
  await auditAdminAction(deps, actor, "admin.user_unsuspend", userId, done);
}

/**
 * The current password stops working: the user is signed out everywhere and mailed a reset
 * link; signing in answers PASSWORD_RESET_REQUIRED until a new password is set.
 */
export async function forcePasswordReset(accounts: AccountsContext, actor: AdminActor, userId: string) {
  const revoked = await accounts.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) throw notFound("User");
    await requirePasswordReset(trx, userId);
    const signIns = await revokeAllSignIns(trx, userId);
    await mailForcedPasswordResetLink(accounts, trx, user);
    return signIns;
  });
  await auditAdminAction(accounts, actor, "admin.force_password_reset", userId, {
    sessionsRevoked: revoked.sessions,
    accessTokensRevoked: revoked.accessTokens,
  });
}
