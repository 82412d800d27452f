import type { AdminUserDetail, AdminUserPage, AdminUserQuery, Role } from "@stave/contracts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { AccountsContext } from "../accounts/index.ts";
import { listLiveSessions, mailVerificationLink, revokeAccessTokensWithScope } from "../accounts/index.ts";
import type { InstanceSettings } from "../instance/index.ts";
import { listRecentTracksOf, storageUsedBy } from "../tracks/index.ts";
import { type AdminActor, type AdminDeps, auditAdminAction, isActor } from "./admin.actor.ts";
import {
  findUserForAdmin,
  listUsers,
  lockLiveUser,
  stateOf,
  writeRole,
  writeStorageQuota,
} from "./admin.users.repo.ts";

/** How many of a user's tracks their admin page lists (the most recent). */
const DETAIL_TRACKS = 50;

type SummaryRow = Omit<Awaited<ReturnType<typeof listUsers>>[number], "created_key">;

const presentSummary = (row: SummaryRow) => ({
  id: row.id,
  email: row.email,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  state: stateOf(row),
  isVerified: row.is_verified,
  createdAt: new Date(row.created_at).toISOString(),
  lastLoginAt: row.last_login_at?.toISOString() ?? null,
});

/** The admin's user list: a replica's slight lag is fine here, a page about one user is not. */
export async function searchUsers(deps: AdminDeps, query: AdminUserQuery): Promise<AdminUserPage> {
  const rows = await listUsers(deps.database.forRead(), {
    q: query.q || undefined,
    role: query.role,
    state: query.state,
    limit: query.limit,
    after: decodeKeyset(query.cursor),
  });
  return pageFrom(rows, query.limit, presentSummary, (row) => ({ at: row.created_key, id: row.id }));
}

export interface UserDetailDeps extends AdminDeps {
  /** For the instance's default quota, which applies when the user has no override. */
  settings: Pick<InstanceSettings, "current">;
}

/** One account as an admin sees it; read from the primary, as it is shown again after each action. */
export async function getUserDetail(deps: UserDetailDeps, userId: string): Promise<AdminUserDetail> {
  const db = deps.database.primary;
  const row = await findUserForAdmin(db, userId);
  if (!row) throw notFound("User");
  const [{ tracks, count }, storageUsedBytes, sessions, settings] = await Promise.all([
    listRecentTracksOf(db, userId, DETAIL_TRACKS),
    storageUsedBy(db, userId),
    listLiveSessions(db, userId),
    deps.settings.current(),
  ]);
  return {
    ...presentSummary(row),
    profile: {
      displayName: row.display_name,
      bio: row.bio,
      avatarUrl: row.avatar_key ? `/api/v1/users/${row.username}/avatar` : null,
      location: row.location,
      links: row.links ?? [],
    },
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    suspensionReason: row.suspension_reason,
    promotedToCreatorAt: row.promoted_to_creator_at?.toISOString() ?? null,
    twoFactorEnabled: row.two_factor_enabled,
    passwordResetRequired: row.password_reset_required,
    storageUsedBytes,
    storageQuotaOverrideBytes: row.storage_quota_bytes,
    storageQuotaBytes: row.storage_quota_bytes ?? settings.defaultStorageQuotaBytes,
    trackCount: count,
    tracks: tracks.map((track) => ({
      id: track.id,
      title: track.title,
      status: track.status,
      visibility: track.visibility,
      sizeBytes: track.original_size,
      createdAt: new Date(track.created_at).toISOString(),
      takenDown: track.taken_down_at !== null,
    })),
    sessions: sessions.map((session) => ({
      id: session.id,
      ip: session.ip,
      userAgent: session.user_agent,
      createdAt: new Date(session.created_at).toISOString(),
      lastSeenAt: session.last_seen_at ? new Date(session.last_seen_at).toISOString() : null,
    })),
  };
}

/** How much of the staff routes a role reaches: an `admin`-scoped token reaches that much. */
const staffRank = (role: Role) => (role === "admin" ? 2 : role === "moderator" ? 1 : 0);

/**
 * Sets a user's role. `expectedRole` is what the admin saw: under the row lock, a role that
 * changed meanwhile (the user upgraded themselves, another admin acted) is reported, never
 * overwritten. The CLI passes none: the operator states the role outright. A change that takes
 * staff access away (to a non-staff role, or admin to moderator) revokes the user's
 * `admin`-scoped tokens in the same transaction: they were minted for the old role, and would
 * otherwise come back to life with it.
 */
export async function changeUserRole(
  deps: AdminDeps,
  actor: AdminActor,
  userId: string,
  change: { role: Role; expectedRole?: Role | undefined },
) {
  // Else the last admin could demote themselves and leave nobody to administer the instance.
  if (isActor(actor, userId)) {
    throw new AppError("CONFLICT", "You cannot change your own role: ask another admin, or use `stave admin set-role`");
  }
  const outcome = await deps.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) return undefined;
    if (change.expectedRole && user.role !== change.expectedRole) return { previousRole: user.role, applied: false };
    await writeRole(trx, userId, change.role);
    const losesStaffAccess = staffRank(change.role) < staffRank(user.role);
    const adminTokensRevoked = losesStaffAccess ? await revokeAccessTokensWithScope(trx, userId, "admin") : null;
    return { previousRole: user.role, applied: true, adminTokensRevoked };
  });
  if (!outcome) throw notFound("User");
  if (!outcome.applied) {
    throw new AppError(
      "ROLE_CHANGED_CONCURRENTLY",
      `This user's role changed meanwhile and is now ${outcome.previousRole}; nothing was changed`,
      { currentRole: outcome.previousRole },
    );
  }
  await auditAdminAction(deps, actor, "admin.role_change", userId, {
    from: outcome.previousRole,
    to: change.role,
    // Only on a change that takes staff access away, where revoking was due (0 is then news too).
    ...(outcome.adminTokensRevoked !== null && { adminTokensRevoked: outcome.adminTokensRevoked }),
  });
  return { id: userId, role: change.role, previousRole: outcome.previousRole };
}

/** Stores the user's own storage quota; null returns them to the instance default. */
export async function setStorageQuota(deps: AdminDeps, actor: AdminActor, userId: string, bytes: number | null) {
  const previous = await deps.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) return undefined;
    await writeStorageQuota(trx, userId, bytes);
    return { bytes: user.storage_quota_bytes };
  });
  if (!previous) throw notFound("User");
  await auditAdminAction(deps, actor, "admin.quota_change", userId, { from: previous.bytes, to: bytes });
}

/** Mails a fresh verification link (the older ones stop working), as the sign-up did. */
export async function resendVerificationFor(accounts: AccountsContext, actor: AdminActor, userId: string) {
  const sent = await accounts.database.primary.transaction().execute(async (trx) => {
    const user = await lockLiveUser(trx, userId);
    if (!user) throw notFound("User");
    if (user.is_verified) return false;
    await mailVerificationLink(accounts, trx, user);
    return true;
  });
  if (!sent) throw new AppError("CONFLICT", "This email address is already verified");
  await auditAdminAction(accounts, actor, "admin.resend_verification", userId);
}
