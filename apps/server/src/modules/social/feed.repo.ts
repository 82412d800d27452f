import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { Keyset } from "../../platform/http/cursor.ts";
import type { TrackSummaryRow } from "../tracks/index.ts";
import { feedTrackRule, listedTrackRule } from "../visibility/index.ts";
import { trackSummaryColumns } from "./social.columns.ts";
import type { TrackSocialRow } from "./social.presenter.ts";

// The summary columns as SQL text (constants of ours, never input).
const summaryColumns = sql.raw(trackSummaryColumns.map((column) => column.replace(" as ", " AS ")).join(", "));

const viewerFlags = (viewerId: string) => sql`
  EXISTS (SELECT 1 FROM track_likes l WHERE l.track_id = t.id AND l.user_id = ${viewerId}) AS viewer_liked,
  EXISTS (SELECT 1 FROM track_reposts r WHERE r.track_id = t.id AND r.user_id = ${viewerId}) AS viewer_reposted`;

/**
 * What any feed may show the viewer: the visibility module's `feedTrackRule` (publicly listed,
 * nobody they blocked or who blocked them), and not their own.
 */
const showable = (viewerId: string) => sql`${feedTrackRule.sql({ userId: viewerId })} AND t.owner_id <> ${viewerId}`;

export type FollowedActivityRow = TrackSummaryRow &
  TrackSocialRow & {
    event_at: Date;
    event_key: string;
    reposter_id: string | null;
    reposter_username: string | null;
    reposter_display_name: string | null;
  };

/**
 * The first part of the home feed: new tracks by the people the viewer follows and the
 * tracks they reposted, newest first, keyset on (event time, track id).
 *
 * A track appears once, at its latest event: an event is kept only when no one the viewer
 * follows reposted the same track later (a track is always posted before it is reposted).
 * Since every track's latest event is one fixed point of the order, each track lands on
 * exactly one page, however the pages are cut. Events of one track at the same instant are
 * one item (the post, else any one of the reposts).
 */
export async function listFollowedActivity(
  db: Kysely<DB>,
  viewerId: string,
  after: Keyset | undefined,
  limit: number,
): Promise<FollowedActivityRow[]> {
  const afterTrack = after ? sql`AND (t.created_at, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const afterRepost = after
    ? sql`AND (r.created_at, r.track_id) < (${after.at}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const { rows } = await sql<FollowedActivityRow>`
    WITH events AS (
      SELECT t.id AS track_id, t.created_at AS at, NULL::uuid AS reposter_id
        FROM follows f JOIN tracks t ON t.owner_id = f.followee_id
       WHERE f.follower_id = ${viewerId} AND ${listedTrackRule.sql(null)} ${afterTrack}
      UNION ALL
      SELECT r.track_id, r.created_at, r.user_id
        FROM follows f JOIN track_reposts r ON r.user_id = f.followee_id
       WHERE f.follower_id = ${viewerId} ${afterRepost}
    )
    SELECT DISTINCT ON (e.at, e.track_id)
           ${summaryColumns}, ${viewerFlags(viewerId)},
           e.at AS event_at,
           to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS event_key,
           e.reposter_id, ru.username AS reposter_username, rp.display_name AS reposter_display_name
      FROM events e
      JOIN tracks t ON t.id = e.track_id
      JOIN users tu ON tu.id = t.owner_id
      JOIN user_profiles tp ON tp.user_id = t.owner_id
      LEFT JOIN users ru ON ru.id = e.reposter_id
      LEFT JOIN user_profiles rp ON rp.user_id = e.reposter_id
     WHERE ${showable(viewerId)}
       AND NOT EXISTS (SELECT 1 FROM track_reposts r2 JOIN follows f3 ON f3.followee_id = r2.user_id
                        WHERE f3.follower_id = ${viewerId} AND r2.track_id = e.track_id AND r2.created_at > e.at)
     ORDER BY e.at DESC, e.track_id DESC, e.reposter_id NULLS FIRST
     LIMIT ${limit}`.execute(db);
  return rows;
}

export type PopularTrackRow = TrackSummaryRow & TrackSocialRow & { score: number };

export interface PopularAfter {
  score: number;
  id: string;
}

/**
 * The second part: popular public tracks (see stave_popularity in 0010_social.sql), best
 * first, leaving out every track the first part shows (by people the viewer follows, or
 * reposted by them). Read through tracks_popular_idx, a page at a time.
 */
export async function listPopularTracks(
  db: Kysely<DB>,
  viewerId: string,
  after: PopularAfter | undefined,
  limit: number,
): Promise<PopularTrackRow[]> {
  const score = sql`stave_popularity(t.created_at, t.play_count)`;
  const afterCursor = after ? sql`AND (${score}, t.id) < (${after.score}::float8, ${after.id}::uuid)` : sql``;
  const { rows } = await sql<PopularTrackRow>`
    SELECT ${summaryColumns}, ${viewerFlags(viewerId)}, ${score} AS score
      FROM tracks t
      JOIN users tu ON tu.id = t.owner_id
      JOIN user_profiles tp ON tp.user_id = t.owner_id
     WHERE ${showable(viewerId)} ${afterCursor}
       AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${viewerId} AND f.followee_id = t.owner_id)
       AND NOT EXISTS (SELECT 1 FROM track_reposts r JOIN follows f ON f.followee_id = r.user_id
                        WHERE f.follower_id = ${viewerId} AND r.track_id = t.id)
     ORDER BY ${score} DESC, t.id DESC
     LIMIT ${limit}`.execute(db);
  return rows;
}
