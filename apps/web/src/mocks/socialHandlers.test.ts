import {
  commentPageSchema,
  commentResponseSchema,
  feedPageSchema,
  followPageSchema,
  likedPlaylistPageSchema,
  likedTrackPageSchema,
  playlistSocialSchema,
  trackSocialSchema,
  userProfileResponseSchema,
} from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildComment,
  buildFollow,
  buildPlaylistRecord,
  buildTrack,
  buildUnverifiedUser,
  buildVerifiedUser,
  createMockApi,
  MIRA,
  minutesAgo,
  ownerOf,
  THEO,
} from "./handlers.ts";
import { server } from "./server.ts";

// The social domain of the mocked API: every reply parses with the contract schemas the
// app uses, changes stick and come back with their counts, and the server's refusals hold.

const csrf = "mock-csrf-token";
const lin = buildVerifiedUser({ username: "lin", profile: { displayName: "Lin" } });
const song = buildTrack({ title: "Song", durationMs: 180_000, createdAt: minutesAgo(60) });
const theoSong = buildTrack({ title: "Theo's Song", owner: THEO, createdAt: minutesAgo(30) });
const linSong = buildTrack({ title: "Lin's Song", owner: ownerOf(lin), createdAt: minutesAgo(10) });
const unlisted = buildTrack({ title: "By link", visibility: "unlisted" });
const secret = buildTrack({ title: "Secret", visibility: "private" });
const mix = buildPlaylistRecord({ title: "Mix", tracks: [song] });
const hiddenMix = buildPlaylistRecord({ title: "Hidden", visibility: "private" });

function signIn(me = lin, social = {}) {
  const api = createMockApi({
    me,
    tracks: [song, theoSong, linSong, unlisted, secret],
    playlistRecords: [mix, hiddenMix],
    social,
  });
  server.use(...api.handlers);
  return api;
}

const socialOf = (reply: { json: unknown }) => trackSocialSchema.parse(reply.json);

describe("mock social API", () => {
  it("likes a track once however often it is asked, and takes the like back", async () => {
    signIn();
    const path = `/api/v1/tracks/${song.id}/like`;

    expect(socialOf(await call("PUT", path, { csrf }))).toMatchObject({ likeCount: 1, viewer: { liked: true } });
    expect(socialOf(await call("PUT", path, { csrf })).likeCount).toBe(1);
    expect(socialOf(await call("GET", `/api/v1/tracks/${song.id}/social`)).viewer).toEqual({
      liked: true,
      reposted: false,
    });
    expect(socialOf(await call("DELETE", path, { csrf }))).toMatchObject({ likeCount: 0, viewer: { liked: false } });
  });

  it("needs a session and its CSRF token to like, and hides tracks the caller may not see", async () => {
    signIn();
    expectError(await call("PUT", `/api/v1/tracks/${song.id}/like`), 403, "CSRF_INVALID");
    expectError(await call("PUT", `/api/v1/tracks/${secret.id}/like`, { csrf }), 404, "NOT_FOUND");
    expectError(await call("GET", `/api/v1/tracks/${secret.id}/social`), 404, "NOT_FOUND");
  });

  it("reposts someone else's public track only", async () => {
    signIn();
    expect(socialOf(await call("PUT", `/api/v1/tracks/${theoSong.id}/repost`, { csrf })).repostCount).toBe(1);
    expectError(await call("PUT", `/api/v1/tracks/${linSong.id}/repost`, { csrf }), 400, "BAD_REQUEST");
    expectError(await call("PUT", `/api/v1/tracks/${unlisted.id}/repost`, { csrf }), 409, "CONFLICT");
  });

  it("likes playlists the caller may see, and lists what they like, latest first", async () => {
    signIn();
    const liked = playlistSocialSchema.parse((await call("PUT", `/api/v1/playlists/${mix.id}/like`, { csrf })).json);
    expect(liked).toMatchObject({ likeCount: 1, viewer: { liked: true } });
    expectError(await call("PUT", `/api/v1/playlists/${hiddenMix.id}/like`, { csrf }), 404, "NOT_FOUND");
    await call("PUT", `/api/v1/tracks/${song.id}/like`, { csrf });
    await call("PUT", `/api/v1/tracks/${theoSong.id}/like`, { csrf });

    const tracks = likedTrackPageSchema.parse((await call("GET", "/api/v1/me/likes/tracks")).json);
    expect(tracks.items.map((item) => item.track.title)).toEqual(["Theo's Song", "Song"]);
    const playlists = likedPlaylistPageSchema.parse((await call("GET", "/api/v1/me/likes/playlists")).json);
    expect(playlists.items.map((item) => item.playlist.title)).toEqual(["Mix"]);
  });

  it("adds comments with or without a moment, newest first, counted, deletable by their author", async () => {
    signIn(lin, {
      comments: [buildComment({ trackId: song.id, author: THEO, body: "Older", createdAt: minutesAgo(5) })],
    });
    const path = `/api/v1/tracks/${song.id}/comments`;

    const posted = await call("POST", path, { body: { body: "  At the chorus ", timestampMs: 60_000 }, csrf });
    expect(posted.status).toBe(201);
    const { comment } = commentResponseSchema.parse(posted.json);
    expect(comment).toMatchObject({ body: "At the chorus", timestampMs: 60_000, canDelete: true });

    const page = commentPageSchema.parse((await call("GET", path)).json);
    expect(page.items.map((item) => [item.body, item.canDelete])).toEqual([
      ["At the chorus", true],
      ["Older", false],
    ]);
    expect(socialOf(await call("GET", `/api/v1/tracks/${song.id}/social`)).commentCount).toBe(2);

    const theirs = page.items[1]?.id;
    expectError(await call("DELETE", `${path}/${theirs}`, { csrf }), 403, "FORBIDDEN");
    expect((await call("DELETE", `${path}/${comment.id}`, { csrf })).status).toBe(204);
    expect(commentPageSchema.parse((await call("GET", path)).json).items).toHaveLength(1);
  });

  it("refuses an empty comment and an unverified author", async () => {
    signIn();
    const path = `/api/v1/tracks/${song.id}/comments`;
    expectError(await call("POST", path, { body: { body: "   " }, csrf }), 400, "VALIDATION_FAILED");

    signIn(buildUnverifiedUser());
    expectError(await call("POST", path, { body: { body: "Hi" }, csrf }), 403, "EMAIL_NOT_VERIFIED");
  });

  it("serves profiles with counts, follows and unfollows, and lists followers", async () => {
    signIn(lin, { follows: [buildFollow(THEO, MIRA)] });

    const before = userProfileResponseSchema.parse((await call("GET", "/api/v1/users/mira")).json).user;
    expect(before).toMatchObject({
      displayName: "Mira Sol",
      followerCount: 1,
      trackCount: 1,
      viewer: { following: false, followsYou: false },
    });
    const after = userProfileResponseSchema.parse((await call("PUT", "/api/v1/users/mira/follow", { csrf })).json).user;
    expect(after).toMatchObject({ followerCount: 2, viewer: { following: true } });

    const followers = followPageSchema.parse((await call("GET", "/api/v1/users/mira/followers")).json);
    expect(followers.items.map((entry) => entry.user.username)).toEqual(["lin", "theo"]);
    const following = followPageSchema.parse((await call("GET", "/api/v1/users/lin/following")).json);
    expect(following.items.map((entry) => entry.user.username)).toEqual(["mira"]);

    const undone = userProfileResponseSchema.parse((await call("DELETE", "/api/v1/users/mira/follow", { csrf })).json);
    expect(undone.user.followerCount).toBe(1);
    expectError(await call("GET", "/api/v1/users/nobody"), 404, "NOT_FOUND");
  });

  it("feeds followed creators' new tracks and reposts first, each track once, then popular ones", async () => {
    signIn(lin, {
      follows: [buildFollow(ownerOf(lin), THEO)],
      reposts: [
        { user: THEO, trackId: song.id, at: minutesAgo(1) },
        { user: THEO, trackId: theoSong.id, at: minutesAgo(2) },
      ],
    });

    const page = feedPageSchema.parse((await call("GET", "/api/v1/me/feed?limit=2")).json);
    expect(page.items.map((item) => [item.track.title, item.reason, item.repostedBy?.username ?? null])).toEqual([
      ["Song", "repost", "theo"],
      ["Theo's Song", "repost", "theo"],
    ]);
    const rest = feedPageSchema.parse((await call("GET", `/api/v1/me/feed?limit=2&cursor=${page.nextCursor}`)).json);
    expect(rest.items.map((item) => [item.track.title, item.reason])).toEqual([["Lin's Song", "popular"]]);
    expect(rest.nextCursor).toBeNull();
  });
});
