import type { FeedItem, FeedPage } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { as, buildPerson, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

let viewer: Person;
let followedCreator: Person;
let otherFollowedCreator: Person;
let reposter: Person;
let stranger: Person;
let blocked: Person;
const tracks: Record<string, string> = {};

/** Every page of my feed, `limit` at a time. */
async function readFeed(who: Person, limit: number): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const query: string = cursor ? `&cursor=${cursor}` : "";
    const page: FeedPage = ok(await as(t.app, who, "GET", `/api/v1/me/feed?limit=${limit}${query}`));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error("the feed does not end");
}

async function repost(who: Person, trackId: string, at: Date) {
  ok(await as(t.app, who, "PUT", `/api/v1/tracks/${trackId}/repost`));
  await t.db.database.primary
    .updateTable("track_reposts")
    .set({ created_at: at })
    .where("track_id", "=", trackId)
    .where("user_id", "=", who.id)
    .execute();
}

beforeAll(async () => {
  const db = t.db.database;
  [viewer, followedCreator, otherFollowedCreator, reposter, stranger, blocked] = await Promise.all([
    buildPerson(t),
    buildPerson(t, { role: "creator" }),
    buildPerson(t, { role: "creator" }),
    buildPerson(t),
    buildPerson(t, { role: "creator" }),
    buildPerson(t, { role: "creator" }),
  ]);
  tracks.oldByFollowed = await buildTrack(db, followedCreator.id, { title: "old", createdAt: ago(5 * DAY) });
  tracks.newByFollowed = await buildTrack(db, followedCreator.id, { title: "new", createdAt: ago(1 * DAY) });
  tracks.privateByFollowed = await buildTrack(db, followedCreator.id, { visibility: "private", createdAt: ago(HOUR) });
  tracks.unlistedByFollowed = await buildTrack(db, followedCreator.id, {
    visibility: "unlisted",
    createdAt: ago(HOUR),
  });
  tracks.byOtherFollowed = await buildTrack(db, otherFollowedCreator.id, { title: "other", createdAt: ago(3 * DAY) });
  tracks.hit = await buildTrack(db, stranger.id, { title: "hit", playCount: 5000, createdAt: ago(20 * DAY) });
  tracks.fresh = await buildTrack(db, stranger.id, { title: "fresh", createdAt: ago(HOUR) });
  tracks.forgotten = await buildTrack(db, stranger.id, { title: "forgotten", createdAt: ago(60 * DAY) });
  tracks.privateByStranger = await buildTrack(db, stranger.id, { visibility: "private" });
  tracks.reposted = await buildTrack(db, stranger.id, { title: "reposted", createdAt: ago(30 * DAY) });
  tracks.mine = await buildTrack(db, viewer.id, { title: "mine", playCount: 100_000 });
  tracks.byBlocked = await buildTrack(db, blocked.id, { title: "blocked", playCount: 100_000 });

  for (const who of [followedCreator, otherFollowedCreator, reposter]) {
    ok(await as(t.app, viewer, "PUT", `/api/v1/users/${who.username}/follow`));
  }
  await repost(reposter, tracks.reposted, ago(HOUR));
  // A repost of a followed creator's track moves it up to the repost, and shows it once.
  await repost(reposter, tracks.oldByFollowed, ago(2 * HOUR));
  await repost(reposter, tracks.mine, ago(HOUR / 2));
  await repost(reposter, tracks.byBlocked, ago(HOUR / 2));
  await repost(otherFollowedCreator, tracks.reposted, ago(3 * HOUR));
  expect((await as(t.app, viewer, "PUT", `/api/v1/me/blocks/${blocked.username}`)).statusCode).toBe(204);
});

const idsOf = (items: FeedItem[]) => items.map((item) => item.track.id);

describe("home feed", () => {
  it("shows what the people I follow posted and reposted, newest first, then popular tracks", async () => {
    const feed = await readFeed(viewer, 20);
    expect(feed.slice(0, 4).map((item) => [item.reason, item.track.title, item.repostedBy?.username ?? null])).toEqual([
      ["repost", "reposted", reposter.username],
      ["repost", "old", reposter.username],
      ["new_track", "new", null],
      ["new_track", "other", null],
    ]);
    // `at` is when it was reposted, not when the track was posted.
    expect(Math.abs(Date.parse(feed[0]?.at ?? "") - ago(HOUR).getTime())).toBeLessThan(60_000);
    expect(feed.slice(4).every((item) => item.reason === "popular" && item.repostedBy === null)).toBe(true);
    // Popular: plays weigh against age.
    expect(idsOf(feed.slice(4))).toEqual([tracks.hit, tracks.fresh, tracks.forgotten]);
    expect(feed[0]?.social).toEqual({
      trackId: tracks.reposted,
      likeCount: 0,
      repostCount: 2,
      commentCount: 0,
      viewer: { liked: false, reposted: false },
    });
  });

  it("never repeats a track, nor shows private, unlisted, my own or blocked people's tracks, however it is paged", async () => {
    const whole = idsOf(await readFeed(viewer, 100));
    for (const limit of [1, 2, 3, 4, 5, 7]) {
      expect(idsOf(await readFeed(viewer, limit)), `limit ${limit}`).toEqual(whole);
    }
    expect(new Set(whole).size).toBe(whole.length);
    for (const hidden of [
      tracks.privateByFollowed,
      tracks.unlistedByFollowed,
      tracks.privateByStranger,
      tracks.mine,
      tracks.byBlocked,
    ]) {
      expect(whole).not.toContain(hidden);
    }
  });

  it("is all popular tracks for someone who follows nobody", async () => {
    const newcomer = await buildPerson(t);
    const feed = await readFeed(newcomer, 2);
    expect(feed.every((item) => item.reason === "popular")).toBe(true);
    const ids = idsOf(feed);
    expect(ids.indexOf(tracks.hit as string)).toBeLessThan(ids.indexOf(tracks.fresh as string));
    expect(ids.indexOf(tracks.fresh as string)).toBeLessThan(ids.indexOf(tracks.forgotten as string));
    expect(ids).toContain(tracks.mine);
    expect(ids).not.toContain(tracks.privateByStranger);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("tells the flags of the viewer, and refuses anonymous callers and bad cursors", async () => {
    ok(await as(t.app, viewer, "PUT", `/api/v1/tracks/${tracks.hit}/like`));
    const feed = await readFeed(viewer, 50);
    expect(feed.find((item) => item.track.id === tracks.hit)?.social).toMatchObject({
      likeCount: 1,
      viewer: { liked: true, reposted: false },
    });
    expect((await as(t.app, null, "GET", "/api/v1/me/feed")).statusCode).toBe(401);
    for (const cursor of ["bm9wZQ", Buffer.from('["f","yesterday","x"]').toString("base64url")]) {
      expect(errorCode(await as(t.app, viewer, "GET", `/api/v1/me/feed?cursor=${cursor}`))).toBe("VALIDATION_FAILED");
    }
  });
});

describe("API description", () => {
  it("documents the social routes and their payloads in the OpenAPI document", async () => {
    const spec = (await t.app.inject("/api/openapi.json")).json();
    for (const [path, method] of [
      ["/api/v1/me/feed", "get"],
      ["/api/v1/tracks/{id}/like", "put"],
      ["/api/v1/tracks/{id}/comments", "post"],
      ["/api/v1/users/{username}", "get"],
      ["/api/v1/users/{username}/followers", "get"],
      ["/api/v1/playlists/{id}/like", "delete"],
    ]) {
      expect(spec.paths[path as string]?.[method as string], `${method} ${path}`).toBeDefined();
    }
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining(["FeedItem", "TrackSocial", "TrackComment", "UserProfile", "FollowEntry"]),
    );
  });
});
