import { randomUUID } from "node:crypto";
import type {
  CommentPage,
  FeedPage,
  LikedPlaylistPage,
  LikedTrackPage,
  NotificationPage,
  Playlist,
  PlaylistPage,
  SearchResponse,
  Track,
  TrackComment,
  TrackPage,
  TrackSocial,
} from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { auditOf, fileReport, moderate, queue, reported } from "../../../test/moderation.ts";
import { as, buildPerson, buildPlaylist, buildTrack, ok, type Person } from "../../../test/social.ts";
import { refreshSearchIndex } from "../search/search.maintenance.ts";

const t = useTestApp();

let moderator: Person;
let creator: Person;
let fan: Person;

beforeAll(async () => {
  moderator = await buildPerson(t, { role: "moderator" });
  creator = await buildPerson(t, { role: "creator" });
  fan = await buildPerson(t);
  ok(await as(t.app, fan, "PUT", `/api/v1/users/${creator.username}/follow`));
});

const get = async <T>(who: Person | null, url: string) => ok<T>(await as(t.app, who, "GET", url));
const statusOf = async (who: Person | null, url: string) => (await as(t.app, who, "GET", url)).statusCode;

/** Where a track shows up for `who`: every list a listener meets it in. */
async function placesOf(who: Person, trackId: string, playlistId: string, word: string) {
  const ids = (items: { id: string }[]) => items.some((item) => item.id === trackId);
  return {
    latest: ids((await get<TrackPage>(who, "/api/v1/tracks?limit=100")).items),
    profile: ids((await get<TrackPage>(who, `/api/v1/users/${creator.username}/tracks?limit=100`)).items),
    search: ids((await get<SearchResponse>(who, `/api/v1/search?type=tracks&q=${word}`)).tracks?.items ?? []),
    feed: ids((await get<FeedPage>(who, "/api/v1/me/feed?limit=50")).items.map((item) => item.track)),
    likes: ids((await get<LikedTrackPage>(who, "/api/v1/me/likes/tracks")).items.map((item) => item.track)),
    playlist: ids((await get<{ playlist: Playlist }>(who, `/api/v1/playlists/${playlistId}`)).playlist.tracks),
    page: (await statusOf(who, `/api/v1/tracks/${trackId}`)) === 200,
  };
}

const everywhere = {
  latest: true,
  profile: true,
  search: true,
  feed: true,
  likes: true,
  playlist: true,
  page: true,
};
const nowhere = Object.fromEntries(Object.keys(everywhere).map((key) => [key, false]));

async function notices(who: Person) {
  const page = await get<NotificationPage>(who, "/api/v1/me/notifications?limit=100");
  return page.items.filter((item) => item.kind.startsWith("content_")).map((item) => item.text);
}

describe("track takedown", () => {
  it("hides the track from everyone's lists, search, feed and playlists, while its owner sees why", async () => {
    const trackId = await buildTrack(t.db.database, creator.id, { title: "Lighthousekeeper Waltz" });
    await refreshSearchIndex(t.db.database.primary);
    ok(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/like`));
    const playlist = ok<{ playlist: Playlist }>(
      await as(t.app, fan, "POST", "/api/v1/playlists", { title: "Fan picks", visibility: "public" }),
    ).playlist;
    ok(await as(t.app, fan, "POST", `/api/v1/playlists/${playlist.id}/tracks`, { trackId }));
    expect(await placesOf(fan, trackId, playlist.id, "lighthousekeeper")).toEqual(everywhere);

    const response = await moderate(t, moderator, "tracks", trackId, "takedown", {
      reason: "Hateful lyrics",
      copyright: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: trackId, takenDown: true, reason: "Hateful lyrics" });

    expect(await placesOf(fan, trackId, playlist.id, "lighthousekeeper")).toEqual(nowhere);
    expect(await statusOf(null, `/api/v1/tracks/${trackId}`)).toBe(404);
    expect(await statusOf(fan, `/api/v1/tracks/${trackId}/stream`)).toBe(404);
    expect((await fileReport(t, fan, "track", trackId)).statusCode).toBe(404);

    // Its owner still has it, marked, and is told; it plays for nobody, not even them.
    const takedown = { kind: "policy", reason: "Hateful lyrics", at: expect.any(String) };
    const own = (await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`)).track;
    expect(own).toMatchObject({ status: "hidden", takedown, artworkUrl: null });
    const mine = (await get<TrackPage>(creator, "/api/v1/users/me/tracks?limit=100")).items;
    expect(mine.find((item) => item.id === trackId)?.takedown).toEqual(takedown);
    for (const path of ["stream", "download", "artwork/large"]) {
      const refused = await as(t.app, creator, "GET", `/api/v1/tracks/${trackId}/${path}`);
      expect(refused.statusCode, path).toBe(403);
      expect(refused.json().error.message).toMatch(/hidden/);
    }
    expect(await notices(creator)).toEqual([
      'Your track "Lighthousekeeper Waltz" was taken down by a moderator: Hateful lyrics',
    ]);
    // Moderators see it too, to judge it again.
    expect((await get<{ track: Track }>(moderator, `/api/v1/tracks/${trackId}`)).track.takedown).toEqual(takedown);

    // A second takedown changes nothing, and tells no one again.
    const twice = await moderate(t, moderator, "tracks", trackId, "takedown", { reason: "Something else" });
    expect(twice.json()).toEqual({ id: trackId, takenDown: true, reason: "Hateful lyrics" });
    expect(await notices(creator)).toHaveLength(1);

    const restored = await moderate(t, moderator, "tracks", trackId, "restore", { reason: "Appeal upheld" });
    expect(restored.json()).toEqual({ id: trackId, takenDown: false, reason: null });
    expect(await placesOf(fan, trackId, playlist.id, "lighthousekeeper")).toEqual(everywhere);
    expect((await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`)).track.takedown).toBeUndefined();
    expect((await notices(creator))[0]).toBe('Your track "Lighthousekeeper Waltz" was restored by a moderator');

    const audit = await auditOf(t.db.database, "moderation.takedown", trackId);
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: moderator.id,
        target_type: "track",
        metadata: { reason: "Hateful lyrics", kind: "policy", changed: true },
      }),
      expect.objectContaining({ metadata: { reason: "Something else", kind: "policy", changed: false } }),
    ]);
    expect(await auditOf(t.db.database, "moderation.restore", trackId)).toEqual([
      expect.objectContaining({ actor_id: moderator.id, metadata: { reason: "Appeal upheld", changed: true } }),
    ]);
  });

  it("keeps a restored track hidden while its owner is suspended, and says so", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const trackId = await buildTrack(t.db.database, owner.id);
    ok(await moderate(t, moderator, "tracks", trackId, "takedown", { reason: "Copied", copyright: true }));
    expect((await get<{ track: Track }>(moderator, `/api/v1/tracks/${trackId}`)).track.takedown).toMatchObject({
      kind: "copyright",
      reason: "Copied",
    });
    await t.db.database.primary
      .updateTable("users")
      .set({ suspended_at: new Date(), suspension_reason: "Repeated copyright claims" })
      .where("id", "=", owner.id)
      .execute();
    ok(await moderate(t, moderator, "tracks", trackId, "restore", { reason: "Licence shown" }));
    const track = (await get<{ track: Track }>(moderator, `/api/v1/tracks/${trackId}`)).track;
    expect(track.status).toBe("hidden");
    expect(track.takedown).toEqual({
      kind: "owner_suspended",
      reason: "Repeated copyright claims",
      at: expect.any(String),
    });
    expect(await statusOf(fan, `/api/v1/tracks/${trackId}`)).toBe(404);
  });

  it("marks a track still processing, which stays unpublished, and lifts it again", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    await t.db.database.primary.updateTable("tracks").set({ status: "processing" }).where("id", "=", trackId).execute();
    ok(await moderate(t, moderator, "tracks", trackId, "takedown", { reason: "Spam upload" }));
    const own = (await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`)).track;
    expect(own).toMatchObject({ status: "processing", takedown: { kind: "policy", reason: "Spam upload" } });
    ok(await moderate(t, moderator, "tracks", trackId, "restore", { reason: "Not spam" }));
    const lifted = (await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`)).track;
    expect(lifted.status).toBe("processing");
    expect(lifted.takedown).toBeUndefined();
  });
});

describe("comment takedown", () => {
  it("hides the comment from everyone but its author and moderators", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const author = await buildPerson(t);
    const commentId = ok<{ comment: TrackComment }>(
      await as(t.app, author, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Nasty words" }),
    ).comment.id;
    const listed = async (who: Person | null) =>
      (await get<CommentPage>(who, `/api/v1/tracks/${trackId}/comments`)).items.find((item) => item.id === commentId);

    const commentCount = async () => (await get<TrackSocial>(null, `/api/v1/tracks/${trackId}/social`)).commentCount;
    expect(await commentCount()).toBe(1);

    ok(await moderate(t, moderator, "comments", commentId, "takedown", { reason: "Harassment" }));
    for (const who of [null, fan, creator]) expect(await listed(who)).toBeUndefined();
    // The count beside the comments leaves it out too, as long as it is down.
    expect(await commentCount()).toBe(0);
    const takedown = { kind: "policy", reason: "Harassment", at: expect.any(String) };
    expect((await listed(author))?.takedown).toEqual(takedown);
    expect((await listed(moderator))?.takedown).toEqual(takedown);
    expect(await notices(author)).toEqual(["Your comment was taken down by a moderator: Harassment"]);
    expect((await fileReport(t, fan, "comment", commentId)).statusCode).toBe(404);
    // The track's owner may delete comments on it, but this one is not there for them.
    expect((await as(t.app, creator, "DELETE", `/api/v1/tracks/${trackId}/comments/${commentId}`)).statusCode).toBe(
      404,
    );

    ok(await moderate(t, moderator, "comments", commentId, "restore", { reason: "Context explained" }));
    expect((await listed(fan))?.body).toBe("Nasty words");
    expect((await listed(fan))?.takedown).toBeUndefined();
    expect(await commentCount()).toBe(1);
    expect(await auditOf(t.db.database, "moderation.takedown", commentId)).toHaveLength(1);
    expect(await auditOf(t.db.database, "moderation.restore", commentId)).toHaveLength(1);
  });
});

describe("playlist takedown", () => {
  it("hides the playlist from everyone but its owner: page, profile, search and likes", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const playlist = ok<{ playlist: Playlist }>(
      await as(t.app, owner, "POST", "/api/v1/playlists", { title: "Quokkaparade Mix", visibility: "public" }),
    ).playlist;
    ok(await as(t.app, fan, "PUT", `/api/v1/playlists/${playlist.id}/like`));
    const places = async (who: Person | null) => {
      const has = (items: { id: string }[]) => items.some((item) => item.id === playlist.id);
      return {
        page: (await statusOf(who, `/api/v1/playlists/${playlist.id}`)) === 200,
        profile: has((await get<PlaylistPage>(who, `/api/v1/users/${owner.username}/playlists`)).items),
        search: has(
          (await get<SearchResponse>(who, "/api/v1/search?type=playlists&q=quokkaparade")).playlists?.items ?? [],
        ),
        ...(who === fan && {
          likes: has((await get<LikedPlaylistPage>(fan, "/api/v1/me/likes/playlists")).items.map((i) => i.playlist)),
        }),
      };
    };
    expect(await places(fan)).toEqual({ page: true, profile: true, search: true, likes: true });

    ok(await moderate(t, moderator, "playlists", playlist.id, "takedown", { reason: "Offensive title" }));
    expect(await places(fan)).toEqual({ page: false, profile: false, search: false, likes: false });
    expect(await places(null)).toEqual({ page: false, profile: false, search: false });
    expect((await as(t.app, fan, "PUT", `/api/v1/playlists/${playlist.id}/like`)).statusCode).toBe(404);

    const takedown = { kind: "policy", reason: "Offensive title", at: expect.any(String) };
    expect((await get<{ playlist: Playlist }>(owner, `/api/v1/playlists/${playlist.id}`)).playlist.takedown).toEqual(
      takedown,
    );
    const mine = (await get<PlaylistPage>(owner, "/api/v1/me/playlists")).items;
    expect(mine.find((item) => item.id === playlist.id)?.takedown).toEqual(takedown);
    expect(await notices(owner)).toEqual([
      'Your playlist "Quokkaparade Mix" was taken down by a moderator: Offensive title',
    ]);

    ok(await moderate(t, moderator, "playlists", playlist.id, "restore", { reason: "Renamed" }));
    expect(await places(fan)).toEqual({ page: true, profile: true, search: true, likes: true });
    expect(await auditOf(t.db.database, "moderation.takedown", playlist.id)).toHaveLength(1);
    expect(await auditOf(t.db.database, "moderation.restore", playlist.id)).toHaveLength(1);
  });
});

describe("takedown and restore routes", () => {
  it("are for moderators and admins, on content that exists, with a reason", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    for (const role of ["user", "creator"] as const) {
      const response = await moderate(t, await buildPerson(t, { role }), "tracks", trackId, "takedown");
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe("FORBIDDEN");
    }
    for (const type of ["tracks", "comments", "playlists"] as const) {
      expect((await moderate(t, moderator, type, randomUUID(), "takedown")).statusCode).toBe(404);
      expect((await moderate(t, moderator, type, randomUUID(), "restore")).statusCode).toBe(404);
    }
    expect((await moderate(t, moderator, "tracks", trackId, "takedown", { reason: "no" })).statusCode).toBe(400);
    const admin = await buildPerson(t, { role: "admin" });
    const playlistId = await buildPlaylist(t.db.database, creator.id);
    expect((await moderate(t, admin, "playlists", playlistId, "takedown")).statusCode).toBe(200);
  });
});

describe("moderating private content", () => {
  it("refuses a moderator private content nobody reported, as if it did not exist", async () => {
    const trackId = await buildTrack(t.db.database, creator.id, { visibility: "private" });
    const playlistId = await buildPlaylist(t.db.database, creator.id, "private");
    const commentId = ok<{ comment: TrackComment }>(
      await as(t.app, creator, "POST", `/api/v1/tracks/${trackId}/comments`, { body: "Note to self" }),
    ).comment.id;
    for (const [type, id] of [
      ["tracks", trackId],
      ["playlists", playlistId],
      ["comments", commentId],
    ] as const) {
      for (const action of ["takedown", "restore"] as const) {
        const response = await moderate(t, moderator, type, id, action);
        expect(response.statusCode, `${action} ${type}`).toBe(404);
        expect(errorCode(response)).toBe("NOT_FOUND");
      }
      expect(await auditOf(t.db.database, "moderation.takedown", id)).toEqual([]);
    }
    const own = await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`);
    expect(own.track.takedown).toBeUndefined();
    // An admin sees every track, so may act on it.
    const admin = await buildPerson(t, { role: "admin" });
    expect((await moderate(t, admin, "tracks", trackId, "takedown")).statusCode).toBe(200);
  });

  it("takes down and restores reported content its owner made private since, labelled as it is now", async () => {
    const trackId = await buildTrack(t.db.database, creator.id, { title: "Loud Insult" });
    const reportId = await reported(t, fan, "track", trackId);
    ok(
      await t.app.inject({
        method: "PATCH",
        url: `/api/v1/tracks/${trackId}`,
        headers: creator.session.headers,
        payload: { title: "Quiet Insult", visibility: "private" },
      }),
    );
    expect(await statusOf(moderator, `/api/v1/tracks/${trackId}`)).toBe(404);
    const [item] = (await queue(t, moderator, "?subjectType=track&limit=100")).items.filter(
      (report) => report.id === reportId,
    );
    expect(item?.subject).toMatchObject({ id: trackId, label: "Quiet Insult", exists: true, takenDown: false });

    expect(ok<{ takenDown: boolean }>(await moderate(t, moderator, "tracks", trackId, "takedown")).takenDown).toBe(
      true,
    );
    const own = await get<{ track: Track }>(creator, `/api/v1/tracks/${trackId}`);
    expect(own.track.takedown).toMatchObject({ reason: "Breaks the community rules" });
    expect(ok<{ takenDown: boolean }>(await moderate(t, moderator, "tracks", trackId, "restore")).takenDown).toBe(
      false,
    );
    expect(await auditOf(t.db.database, "moderation.takedown", trackId)).toHaveLength(1);
    expect(await auditOf(t.db.database, "moderation.restore", trackId)).toHaveLength(1);
  });
});
