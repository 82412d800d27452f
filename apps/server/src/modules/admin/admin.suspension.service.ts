import { announceAccountClosed } from "../../platform/events/user-events.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { AccountsContext } from "../accounts/index.ts";
import { mailForcedPasswordResetLink, revokeAllSignIns } from "../accounts/index.ts";
import {
  hideReadyTracksOf,
  inTransactionWithMediaMoves,
  type MediaMoverDeps,
  showHiddenTracksOf,
} from "../tracks/index.ts";
import { type AdminActor, type AdminDeps, auditAdminAction, isActor } from "./admin.actor.ts";
import { lockLiveUser, requirePasswordReset, writeSuspension } from "./admin.users.repo.ts";

/** A suspension also revokes media, so it needs the storage and this process's media cache. */
export type SuspensionDeps = AdminDeps & { media: MediaMoverDeps };

/**
 * Suspends an account: it cannot sign in, is signed out everywhere (sessions, access tokens
 * and open event streams), and its processed tracks turn 'hidden', which every public read
 * leaves out. Stream URLs already signed for its tracks stop working too: each published
 * version moves to a fresh prefix (the takedown's mover), so lifting the suspension brings
 * the tracks back under URLs signed from then on, never the old ones. All in one transaction
 * under the user's row lock, which the track publisher waits for (see tracks.repo's
 * `lockOwnerAgainstSuspension`), so no track of theirs turns 'ready' meanwhile; if it fails,
 * the moved media goes back.
 */
export async function suspendUser(deps: SuspensionDeps, actor: AdminActor, userId: string, reason: string) {
  if (isActor(actor, userId)) throw new AppError("CONFLICT", "You cannot suspend your own account");
  const done = await inTransactionWithMediaMoves(deps.media, async (trx, media) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) throw notFound("User");
    if (user.suspended_at) throw new AppError("CONFLICT", "This account is already suspended");
    await writeSuspension(trx, userId, reason);
    // Before the sign-ins' own signal, so open streams end saying why.
    await announceAccountClosed(trx, userId);
    const revoked = await revokeAllSignIns(trx, userId);
    const mediaRevoked = await media.revokeTracksOf(trx, userId);
    const tracksHidden = await hideReadyTracksOf(trx, userId);
    return {
      sessionsRevoked: revoked.sessions,
      accessTokensRevoked: revoked.accessTokens,
      tracksHidden,
      mediaRevoked,
    };
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
