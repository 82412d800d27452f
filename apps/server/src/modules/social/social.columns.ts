import { type RawBuilder, sql } from "kysely";
import { trackSummaryColumns as baseSummaryColumns } from "../tracks/track-columns.ts";

/** A track summary with its social counts, from `tracks as t`, `users as tu` and `user_profiles as tp`. */
export const trackSummaryColumns = [
  ...baseSummaryColumns,
  "t.like_count",
  "t.repost_count",
  "t.comment_count",
] as const;

/** Whether `viewerId` liked / reposted the track `t` (false for an anonymous viewer). */
export const viewerTrackFlags = (viewerId: string | null) =>
  [
    (viewerId === null
      ? sql<boolean>`false`
      : sql<boolean>`EXISTS (SELECT 1 FROM track_likes l WHERE l.track_id = t.id AND l.user_id = ${viewerId})`
    ).as("viewer_liked"),
    (viewerId === null
      ? sql<boolean>`false`
      : sql<boolean>`EXISTS (SELECT 1 FROM track_reposts r WHERE r.track_id = t.id AND r.user_id = ${viewerId})`
    ).as("viewer_reposted"),
  ] as const;

/**
 * The tracks module's visibility rule (tracks.service.ts `canView`) as SQL over `t`: its owner
 * and admins always, others once it is ready and not private.
 */
export const trackVisibleTo = (viewer: { userId: string; isAdmin: boolean } | null): RawBuilder<boolean> =>
  viewer === null
    ? sql<boolean>`(t.status = 'ready' AND t.visibility <> 'private')`
    : sql<boolean>`(t.owner_id = ${viewer.userId} OR ${viewer.isAdmin}
        OR (t.status = 'ready' AND t.visibility <> 'private'))`;

/** Whether either of `a` (a user id, or a column of one) and the user in column `other` blocked the other. */
export const blockedBetween = (a: string | RawBuilder<string>, other: RawBuilder<string>): RawBuilder<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM user_blocks b
     WHERE (b.blocker_id = ${a} AND b.blocked_id = ${other}) OR (b.blocker_id = ${other} AND b.blocked_id = ${a}))`;
