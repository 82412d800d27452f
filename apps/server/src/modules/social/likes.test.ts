import type { LikedPlaylistPage, LikedTrackPage, PlaylistSocial, TrackSocial } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { as, buildPerson, buildPlaylist, buildTrack, ok, type Person } from "../../../test/social.ts";

const t = useTestApp();

let creator: Person;
let fan: Person;

beforeAll(async () => {
  creator = await buildPerson(t, { role: "creator" });
  fan = await buildPerson(t);
});

const trackCounts = async (trackId: string) =>
  t.db.database.primary
    .selectFrom("tracks")
    .select(["like_count", "repost_count", "comment_count"])
    .where("id", "=", trackId)
    .executeTakeFirstOrThrow();

describe("track likes", () => {
  it("counts a like once however often it is sent, and takes it back the same way", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const first = ok<TrackSocial>(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/like`));
    expect(first).toEqual({
      trackId,
      likeCount: 1,
      repostCount: 0,
      commentCount: 0,
      viewer: { liked: true, reposted: false },
    });
    expect(ok<TrackSocial>(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/like`)).likeCount).toBe(1);

    // Anyone sees the count; only a signed-in caller has flags.
    const anonymous = ok<TrackSocial>(await as(t.app, null, "GET", `/api/v1/tracks/${trackId}/social`));
    expect(anonymous).toMatchObject({ likeCount: 1, viewer: null });
    const owner = ok<TrackSocial>(await as(t.app, creator, "GET", `/api/v1/tracks/${trackId}/social`));
    expect(owner.viewer).toEqual({ liked: false, reposted: false });

    const undone = ok<TrackSocial>(await as(t.app, fan, "DELETE", `/api/v1/tracks/${trackId}/like`));
    expect(undone).toMatchObject({ likeCount: 0, viewer: { liked: false } });
    expect(ok<TrackSocial>(await as(t.app, fan, "DELETE", `/api/v1/tracks/${trackId}/like`)).likeCount).toBe(0);
    expect((await trackCounts(trackId)).like_count).toBe(0);
  });

  it("needs a signed-in caller", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const response = await as(t.app, null, "PUT", `/api/v1/tracks/${trackId}/like`);
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 for a track the caller may not see: private, still processing, or none", async () => {
    const hidden = await buildTrack(t.db.database, creator.id, { visibility: "private" });
    for (const method of ["PUT", "DELETE"] as const) {
      for (const action of ["like", "repost"]) {
        const response = await as(t.app, fan, method, `/api/v1/tracks/${hidden}/${action}`);
        expect(response.statusCode, `${method} ${action}`).toBe(404);
      }
    }
    for (const who of [fan, null]) {
      expect((await as(t.app, who, "GET", `/api/v1/tracks/${hidden}/social`)).statusCode).toBe(404);
    }
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(errorCode(await as(t.app, fan, "PUT", `/api/v1/tracks/${missing}/like`))).toBe("NOT_FOUND");
    await t.db.database.primary.updateTable("tracks").set({ status: "processing" }).where("id", "=", hidden).execute();
    await t.db.database.primary.updateTable("tracks").set({ visibility: "public" }).where("id", "=", hidden).execute();
    expect((await as(t.app, fan, "PUT", `/api/v1/tracks/${hidden}/like`)).statusCode).toBe(404);
    // Its owner sees their own private track, and may like it.
    await t.db.database.primary
      .updateTable("tracks")
      .set({ visibility: "private", status: "ready" })
      .where("id", "=", hidden)
      .execute();
    expect(ok<TrackSocial>(await as(t.app, creator, "PUT", `/api/v1/tracks/${hidden}/like`)).likeCount).toBe(1);
    expect((await trackCounts(hidden)).like_count).toBe(1);
  });

  it("lists my liked tracks, latest like first, page by page, leaving out those I may no longer see", async () => {
    const listener = await buildPerson(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = await buildTrack(t.db.database, creator.id, { title: `Liked ${i}` });
      ok(await as(t.app, listener, "PUT", `/api/v1/tracks/${id}/like`));
      ids.push(id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: LikedTrackPage = ok(await as(t.app, listener, "GET", `/api/v1/me/likes/tracks?limit=2${query}`));
      for (const item of page.items) {
        expect(item.social.viewer).toEqual({ liked: true, reposted: false });
        seen.push(item.track.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    await t.db.database.primary
      .updateTable("tracks")
      .set({ visibility: "private" })
      .where("id", "=", ids[0] as string)
      .execute();
    const after = ok<LikedTrackPage>(await as(t.app, listener, "GET", "/api/v1/me/likes/tracks"));
    expect(after.items.map((item) => item.track.id)).toEqual([...ids].slice(1).reverse());
    expect(errorCode(await as(t.app, listener, "GET", "/api/v1/me/likes/tracks?cursor=bm9wZQ"))).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("keeps the count exact when many people like at once, and when one person likes twice at once", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const crowd = await Promise.all(Array.from({ length: 24 }, () => buildPerson(t)));
    const answers = await Promise.all(crowd.map((who) => as(t.app, who, "PUT", `/api/v1/tracks/${trackId}/like`)));
    expect(answers.map((response) => response.statusCode)).toEqual(crowd.map(() => 200));
    expect((await trackCounts(trackId)).like_count).toBe(24);

    const twice = await Promise.all([1, 2, 3].map(() => as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/like`)));
    expect(twice.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect((await trackCounts(trackId)).like_count).toBe(25);

    // Likes and unlikes racing: the count is what the rows say.
    const half = crowd.slice(0, 12);
    await Promise.all([
      ...half.map((who) => as(t.app, who, "DELETE", `/api/v1/tracks/${trackId}/like`)),
      ...half.map((who) => as(t.app, who, "DELETE", `/api/v1/tracks/${trackId}/like`)),
    ]);
    const rows = await t.db.database.primary
      .selectFrom("track_likes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("track_id", "=", trackId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(13);
    expect((await trackCounts(trackId)).like_count).toBe(13);
  });

  it("keeps counts right when a liked track or a liker's account is deleted", async () => {
    const liker = await buildPerson(t);
    const kept = await buildTrack(t.db.database, creator.id);
    const gone = await buildTrack(t.db.database, creator.id);
    for (const id of [kept, gone]) ok(await as(t.app, liker, "PUT", `/api/v1/tracks/${id}/like`));
    ok(await as(t.app, fan, "PUT", `/api/v1/tracks/${kept}/like`));
    await t.db.database.primary.deleteFrom("tracks").where("id", "=", gone).execute();
    await t.db.database.primary.deleteFrom("users").where("id", "=", liker.id).execute();
    expect((await trackCounts(kept)).like_count).toBe(1);
  });
});

describe("reposts", () => {
  it("reposts someone else's public track once, and not my own or an unlisted one", async () => {
    const trackId = await buildTrack(t.db.database, creator.id);
    const reposted = ok<TrackSocial>(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/repost`));
    expect(reposted).toMatchObject({ repostCount: 1, viewer: { liked: false, reposted: true } });
    expect(ok<TrackSocial>(await as(t.app, fan, "PUT", `/api/v1/tracks/${trackId}/repost`)).repostCount).toBe(1);
    expect(ok<TrackSocial>(await as(t.app, fan, "DELETE", `/api/v1/tracks/${trackId}/repost`)).repostCount).toBe(0);

    expect(errorCode(await as(t.app, creator, "PUT", `/api/v1/tracks/${trackId}/repost`))).toBe("BAD_REQUEST");
    const unlisted = await buildTrack(t.db.database, creator.id, { visibility: "unlisted" });
    expect(errorCode(await as(t.app, fan, "PUT", `/api/v1/tracks/${unlisted}/repost`))).toBe("CONFLICT");
    // An unlisted track may be liked by whoever has its link.
    expect(ok<TrackSocial>(await as(t.app, fan, "PUT", `/api/v1/tracks/${unlisted}/like`)).likeCount).toBe(1);
  });
});

describe("playlist likes", () => {
  it("counts likes of a playlist once, and lists the playlists I like", async () => {
    const playlistId = await buildPlaylist(t.db.database, creator.id);
    const liked = ok<PlaylistSocial>(await as(t.app, fan, "PUT", `/api/v1/playlists/${playlistId}/like`));
    expect(liked).toEqual({ playlistId, likeCount: 1, viewer: { liked: true } });
    expect(ok<PlaylistSocial>(await as(t.app, fan, "PUT", `/api/v1/playlists/${playlistId}/like`)).likeCount).toBe(1);
    expect(ok<PlaylistSocial>(await as(t.app, null, "GET", `/api/v1/playlists/${playlistId}/social`))).toEqual({
      playlistId,
      likeCount: 1,
      viewer: null,
    });

    const page = ok<LikedPlaylistPage>(await as(t.app, fan, "GET", "/api/v1/me/likes/playlists"));
    expect(page.items.map((item) => item.playlist.id)).toContain(playlistId);
    expect(page.items.find((item) => item.playlist.id === playlistId)?.social.likeCount).toBe(1);

    const unliked = ok<PlaylistSocial>(await as(t.app, fan, "DELETE", `/api/v1/playlists/${playlistId}/like`));
    expect(unliked).toEqual({ playlistId, likeCount: 0, viewer: { liked: false } });
  });

  it("answers 404 for someone else's private playlist, to likes and counts alike", async () => {
    const hidden = await buildPlaylist(t.db.database, creator.id, "private");
    expect((await as(t.app, fan, "PUT", `/api/v1/playlists/${hidden}/like`)).statusCode).toBe(404);
    expect((await as(t.app, fan, "GET", `/api/v1/playlists/${hidden}/social`)).statusCode).toBe(404);
    expect((await as(t.app, null, "GET", `/api/v1/playlists/${hidden}/social`)).statusCode).toBe(404);
    expect(ok<PlaylistSocial>(await as(t.app, creator, "PUT", `/api/v1/playlists/${hidden}/like`)).likeCount).toBe(1);

    // A liked playlist made private later leaves my list.
    const later = await buildPlaylist(t.db.database, creator.id);
    ok(await as(t.app, fan, "PUT", `/api/v1/playlists/${later}/like`));
    await t.db.database.primary
      .updateTable("playlists")
      .set({ visibility: "private" })
      .where("id", "=", later)
      .execute();
    const page = ok<LikedPlaylistPage>(await as(t.app, fan, "GET", "/api/v1/me/likes/playlists"));
    expect(page.items.map((item) => item.playlist.id)).not.toContain(later);
  });

  it("keeps a playlist's count exact under concurrent likes", async () => {
    const playlistId = await buildPlaylist(t.db.database, creator.id);
    const crowd = await Promise.all(Array.from({ length: 12 }, () => buildPerson(t)));
    await Promise.all([...crowd, ...crowd].map((who) => as(t.app, who, "PUT", `/api/v1/playlists/${playlistId}/like`)));
    const row = await t.db.database.primary
      .selectFrom("playlists")
      .select("like_count")
      .where("id", "=", playlistId)
      .executeTakeFirstOrThrow();
    expect(row.like_count).toBe(12);
  });
});
