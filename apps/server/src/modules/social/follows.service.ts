import type { FollowPage, UserProfile } from "@stave/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { Principal } from "../../platform/http/access.ts";
import { decodeKeyset, type PageRequest, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { findUserIdByUsername } from "../accounts/index.ts";
import { isBlockedBetween } from "../blocks/index.ts";
import { notify } from "../notifications/index.ts";
import { type Viewer, viewerOf } from "../visibility/index.ts";
import {
  deleteFollow,
  findActiveUserId,
  findProfile,
  followFlags,
  insertFollow,
  listFollows,
  lockActiveUser,
  type ProfileRow,
} from "./follows.repo.ts";
import { socialActionRule } from "./likes.service.ts";
import type { SocialContext } from "./social.context.ts";
import { iso } from "./social.presenter.ts";

const userNotFound = () => notFound("User");
// A name no account can have (users.username's rule) is nobody's, and kept away from SQL.
const plausibleUsername = (username: string) => /^[a-z0-9_.-]{3,30}$/.test(username.toLowerCase());

function presentProfile(row: ProfileRow, viewer: UserProfile["viewer"]): UserProfile {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name ?? null,
    bio: row.bio ?? null,
    location: row.location ?? null,
    avatarUrl: row.avatar_key ? `/api/v1/users/${row.username}/avatar` : null,
    role: row.role,
    followerCount: Number(row.follower_count),
    followingCount: Number(row.following_count),
    trackCount: Number(row.track_count),
    createdAt: iso(row.created_at),
    viewer,
  };
}

async function readProfile(db: Kysely<DB>, flagsDb: Kysely<DB>, username: string, viewer: Viewer) {
  const viewerId = viewer?.userId ?? null;
  const row = await findProfile(db, username, viewer);
  if (!row) return null;
  const flags = viewerId && viewerId !== row.id ? await followFlags(flagsDb, viewerId, row.id) : null;
  return presentProfile(row, viewerId === row.id ? { following: false, followsYou: false } : flags);
}

/**
 * Anyone's view of a profile, from the replica; the signed-in viewer's own flags come from
 * the primary (a follow of a second ago must show). A caller who has just signed up may open
 * their own profile before the replica has it: the primary answers before a 404.
 */
export async function getProfile(ctx: SocialContext, username: string, principal: Principal | null) {
  if (!plausibleUsername(username)) throw userNotFound();
  const viewer = viewerOf(principal);
  const { primary } = ctx.database;
  const profile =
    (await readProfile(ctx.database.forRead(), primary, username, viewer)) ??
    (principal ? await readProfile(primary, primary, username, viewer) : null);
  if (!profile) throw userNotFound();
  return profile;
}

/** Follows a user (idempotent) and answers their profile with the new counts, from the primary. */
export async function followUser(ctx: SocialContext, username: string, principal: Principal): Promise<UserProfile> {
  if (!plausibleUsername(username)) throw userNotFound();
  await ctx.limiter.hit(socialActionRule, principal.userId);
  const { primary } = ctx.database;
  await primary.transaction().execute(async (trx) => {
    const followeeId = await lockActiveUser(trx, username, viewerOf(principal));
    if (!followeeId) throw userNotFound();
    if (followeeId === principal.userId) throw new AppError("BAD_REQUEST", "You cannot follow yourself");
    if (await isBlockedBetween(trx, principal.userId, followeeId)) {
      throw new AppError("FORBIDDEN", "You cannot follow this person");
    }
    if (!(await insertFollow(trx, principal.userId, followeeId))) return;
    // The follower is the actor: the notification leads to their profile.
    await notify(trx, { userId: followeeId, kind: "follow", actorId: principal.userId }, ctx);
  });
  return getOwnView(ctx, username, principal);
}

/**
 * Stops following a user, and answers their profile with the new counts, or null when the
 * caller may not see it (a suspended account). Any account not deleted is found, not only one
 * whose profile the caller may see: a follow of a suspended account must be removable, or it
 * comes back when the suspension is lifted.
 */
export async function unfollowUser(
  ctx: SocialContext,
  username: string,
  principal: Principal,
): Promise<UserProfile | null> {
  if (!plausibleUsername(username)) throw userNotFound();
  const { primary } = ctx.database;
  const followeeId = await findUserIdByUsername(primary, username);
  if (!followeeId) throw userNotFound();
  await deleteFollow(primary, principal.userId, followeeId);
  return readProfile(primary, primary, username, viewerOf(principal));
}

async function getOwnView(ctx: SocialContext, username: string, principal: Principal) {
  const profile = await readProfile(ctx.database.primary, ctx.database.primary, username, viewerOf(principal));
  if (!profile) throw userNotFound();
  return profile;
}

/**
 * Someone's followers or followings, latest first. The replica serves them, except to the
 * user themselves, whose own follows of a moment ago must be there.
 */
export async function listFollowsOf(
  ctx: SocialContext,
  username: string,
  direction: "followers" | "following",
  principal: Principal | null,
  page: PageRequest,
): Promise<FollowPage> {
  if (!plausibleUsername(username)) throw userNotFound();
  const viewerId = principal?.userId ?? null;
  const { primary } = ctx.database;
  const replica = ctx.database.forRead();
  const userId =
    (await findActiveUserId(replica, username, viewerOf(principal))) ??
    (principal ? await findActiveUserId(primary, username, viewerOf(principal)) : undefined);
  if (!userId) throw userNotFound();
  const rows = await listFollows(userId === viewerId ? primary : replica, userId, direction, viewerId, {
    limit: page.limit,
    after: decodeKeyset(page.cursor),
  });
  return pageFrom(
    rows,
    page.limit,
    (row) => ({
      user: {
        id: row.id,
        username: row.username,
        displayName: row.display_name ?? null,
        followerCount: Number(row.follower_count),
      },
      followedAt: iso(row.followed_at),
      viewer: viewerId === null ? null : { following: row.viewer_following },
    }),
    (row) => ({ at: row.followed_key, id: row.id }),
  );
}
