import { sql } from "kysely";
import { trackSummaryColumns as baseSummaryColumns } from "../tracks/index.ts";

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
