import type { FeedItem, FeedPage } from "@stave/contracts";
import { z } from "zod";
import { encodeCursor, isTimeKey, type Keyset, malformedCursor } from "../../platform/http/cursor.ts";
import { presentTrackSummary } from "../tracks/index.ts";
import {
  type FollowedActivityRow,
  listFollowedActivity,
  listPopularTracks,
  type PopularAfter,
  type PopularTrackRow,
} from "./feed.repo.ts";
import type { SocialContext } from "./social.context.ts";
import { iso, presentTrackSocial } from "./social.presenter.ts";

/**
 * The home feed's cursor says which of its two parts the next page continues, and where:
 *
 * - `["f", eventTime, trackId]`: the followed activity (new tracks and reposts by the people
 *   I follow), newest first, after that event (its time to the microsecond).
 * - `["p", score, trackId]`: the popular tracks, after that one (stave_popularity order).
 * - `["p"]`: the popular tracks from their start (the followed activity ended exactly at
 *   the end of the previous page).
 *
 * A page is filled from the followed activity; when that runs out it is topped up from the
 * start of the popular tracks, which leave out every track the first part can show. Each
 * track has one fixed place in each part, and the parts do not overlap, so no track is shown
 * twice however the pages are cut. Nothing is stored between pages: any API process can
 * serve the next one.
 */
type FeedCursor = { part: "followed"; after: Keyset } | { part: "popular"; after: PopularAfter | undefined };

const uuid = z.uuid();
const cursorSchema = z.union([
  z.tuple([z.literal("f"), z.string().refine(isTimeKey), uuid]),
  z.tuple([z.literal("p"), z.number().refine(Number.isFinite), uuid]),
  z.tuple([z.literal("p")]),
]);

function decodeFeedCursor(cursor: string | undefined): FeedCursor | undefined {
  if (!cursor) return undefined;
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw malformedCursor();
  }
  if (parsed[0] === "f") return { part: "followed", after: { at: parsed[1], id: parsed[2] } };
  return { part: "popular", after: parsed.length === 3 ? { score: parsed[1], id: parsed[2] } : undefined };
}

const followedCursor = (row: FollowedActivityRow) => encodeCursor(["f", row.event_key, row.id]);
const popularCursor = (row: PopularTrackRow | undefined) =>
  encodeCursor(row ? ["p", Number(row.score), row.id] : ["p"]);

function presentFollowed(row: FollowedActivityRow): FeedItem {
  const reposted = row.reposter_id !== null && row.reposter_username !== null;
  return {
    reason: reposted ? "repost" : "new_track",
    at: iso(row.event_at),
    track: presentTrackSummary(row),
    social: presentTrackSocial(row, true),
    repostedBy: reposted
      ? {
          id: row.reposter_id as string,
          username: row.reposter_username as string,
          displayName: row.reposter_display_name,
        }
      : null,
  };
}

const presentPopular = (row: PopularTrackRow): FeedItem => ({
  reason: "popular",
  at: iso(row.created_at),
  track: presentTrackSummary(row),
  social: presentTrackSocial(row, true),
  repostedBy: null,
});

/**
 * My home feed. Read from the replica: it is other people's activity, and a follow of a
 * moment ago showing up a few seconds late is fine.
 */
export async function getFeed(
  ctx: SocialContext,
  viewerId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<FeedPage> {
  const db = ctx.database.forRead();
  const { limit } = page;
  const cursor = decodeFeedCursor(page.cursor);
  const items: FeedItem[] = [];

  let popularAfter: PopularAfter | undefined;
  if (cursor?.part !== "popular") {
    const followed = await listFollowedActivity(db, viewerId, cursor?.after, limit + 1);
    const shown = followed.slice(0, limit);
    items.push(...shown.map(presentFollowed));
    const last = shown.at(-1);
    if (followed.length > limit && last) return { items, nextCursor: followedCursor(last) };
  } else {
    popularAfter = cursor.after;
  }

  // The followed activity has run out (or was passed already): top the page up with popular tracks.
  const room = limit - items.length;
  const popular = await listPopularTracks(db, viewerId, popularAfter, room + 1);
  items.push(...popular.slice(0, room).map(presentPopular));
  const more = popular.length > room;
  // A page the followed activity filled exactly took none of the popular part: `["p"]`, its start.
  return { items, nextCursor: more ? popularCursor(popular.slice(0, room).at(-1)) : null };
}
