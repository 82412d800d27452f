import type { Playlist } from "@stave/contracts";
import { Kysely, PostgresDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import {
  addTracks,
  buildMember,
  buildTrack,
  call,
  createPlaylist,
  type Member,
  pageOf,
  playlistOf,
  setTrackVisibility,
  trackIdsOf,
  usePlaylistCast,
} from "../../../test/playlists.ts";
import type { DB } from "../../platform/db/schema.ts";
import { loadPlaylistSummaries } from "./playlists.service.ts";

const t = useTestApp();
const cast = usePlaylistCast(t);

const track = (options: Parameters<typeof buildTrack>[2] = {}, ownerId = cast.creator.id) =>
  buildTrack(t.db.database, ownerId, options);
const get = (who: Member | null, id: string) => call(t.app, who, "GET", `/api/v1/playlists/${id}`);

describe("who sees a playlist", () => {
  it("shows a private playlist to its owner only: anyone else, signed in or not, gets 404", async () => {
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Secret", visibility: "private" });
    expect(playlistOf(await get(cast.owner, playlist.id)).visibility).toBe("private");
    for (const who of [cast.other, cast.creator, null]) {
      const response = await get(who, playlist.id);
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({ code: "NOT_FOUND", message: "Playlist not found" });
    }
    const [trackId] = [await track()];
    expect(
      (await call(t.app, cast.other, "POST", `/api/v1/playlists/${playlist.id}/tracks`, { trackId })).statusCode,
    ).toBe(404);
    expect((await call(t.app, cast.other, "DELETE", `/api/v1/playlists/${playlist.id}`)).statusCode).toBe(404);
  });

  it("lets anyone with the id open an unlisted playlist, but lists only public ones on the user's page", async () => {
    const listed = await createPlaylist(t.app, cast.owner, { title: "Listed" });
    const unlisted = await createPlaylist(t.app, cast.owner, { title: "Link only", visibility: "unlisted" });
    const hidden = await createPlaylist(t.app, cast.owner, { title: "Mine only", visibility: "private" });
    expect((await get(null, unlisted.id)).statusCode).toBe(200);
    expect((await get(cast.other, unlisted.id)).statusCode).toBe(200);

    for (const who of [null, cast.other, cast.owner]) {
      const page = pageOf(await call(t.app, who, "GET", `/api/v1/users/${cast.owner.username}/playlists`));
      const ids = page.items.map((item) => item.id);
      expect(ids).toContain(listed.id);
      expect(ids).not.toContain(unlisted.id);
      expect(ids).not.toContain(hidden.id);
    }
    const mine = pageOf(await call(t.app, cast.owner, "GET", "/api/v1/me/playlists?limit=100")).items.map(
      (item) => item.id,
    );
    expect(mine).toEqual(expect.arrayContaining([listed.id, unlisted.id, hidden.id]));
    expect((await call(t.app, null, "GET", "/api/v1/me/playlists")).statusCode).toBe(401);
    for (const name of ["nobody_here", "NoSuchCase"]) {
      const nobody = await call(t.app, null, "GET", `/api/v1/users/${name}/playlists`);
      expect(nobody.statusCode, name).toBe(404);
      expect(errorCode(nobody)).toBe("NOT_FOUND");
    }
    // No username holds a NUL character: refused as invalid before any lookup.
    expect(errorCode(await call(t.app, null, "GET", "/api/v1/users/a%00b/playlists"))).toBe("VALIDATION_FAILED");
  });
});

describe("which tracks a viewer gets", () => {
  it("refuses someone else's private or unfinished track as if it did not exist, and takes unlisted ones and my own", async () => {
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Picky" });
    const url = `/api/v1/playlists/${playlist.id}/tracks`;
    for (const trackId of [await track({ visibility: "private" }), await track({ status: "processing" })]) {
      const response = await call(t.app, cast.owner, "POST", url, { trackId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe("Track not found");
    }
    const unlisted = await track({ visibility: "unlisted" });
    const myPrivate = await track({ visibility: "private", durationMs: 5000 }, cast.owner.id);
    const filled = await addTracks(t.app, cast.owner, playlist.id, [unlisted, myPrivate]);
    expect(filled && trackIdsOf(filled)).toEqual([unlisted, myPrivate]);
    expect(filled?.durationMs).toBe(6000);

    // My private track is mine to hear: others get the playlist without it, totals included.
    const seenByOther = playlistOf(await get(cast.other, playlist.id));
    expect(trackIdsOf(seenByOther)).toEqual([unlisted]);
    expect(seenByOther).toMatchObject({ trackCount: 1, durationMs: 1000 });
  });

  it("drops a track that turns private from everyone else's view, artwork and totals, and brings it back in place", async () => {
    const [first, turning, last] = [
      await track({ artwork: true, durationMs: 1000 }),
      await track({ artwork: true, durationMs: 2000 }),
      await track({ durationMs: 4000 }),
    ];
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Fickle" });
    await addTracks(t.app, cast.owner, playlist.id, [first, turning, last]);
    await setTrackVisibility(t.db.database, turning, "private");

    for (const who of [cast.owner, cast.other, null]) {
      const seen = playlistOf(await get(who, playlist.id));
      expect(trackIdsOf(seen)).toEqual([first, last]);
      expect(seen).toMatchObject({
        trackCount: 2,
        durationMs: 5000,
        artworkUrls: [`/api/v1/tracks/${first}/artwork/large`],
      });
    }
    // Its creator still hears it.
    expect(trackIdsOf(playlistOf(await get(cast.creator, playlist.id)))).toEqual([first, turning, last]);
    const summary = pageOf(await call(t.app, null, "GET", `/api/v1/users/${cast.owner.username}/playlists`)).items.find(
      (item) => item.id === playlist.id,
    );
    expect(summary).toMatchObject({ trackCount: 2, durationMs: 5000 });

    // The owner reorders what they see; the hidden track keeps its slot.
    const reordered = await call(t.app, cast.owner, "PUT", `/api/v1/playlists/${playlist.id}/order`, {
      trackIds: [last, first],
    });
    expect(trackIdsOf(playlistOf(reordered))).toEqual([last, first]);
    await setTrackVisibility(t.db.database, turning, "public");
    expect(trackIdsOf(playlistOf(await get(cast.other, playlist.id)))).toEqual([last, turning, first]);
  });

  it("loses a track when its creator deletes it", async () => {
    const [kept, doomed] = [await track(), await track()];
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Survivors" });
    await addTracks(t.app, cast.owner, playlist.id, [doomed, kept]);
    expect((await call(t.app, cast.creator, "DELETE", `/api/v1/tracks/${doomed}`)).statusCode).toBe(204);
    const seen = playlistOf(await get(cast.owner, playlist.id));
    expect(trackIdsOf(seen)).toEqual([kept]);
    const rows = await t.db.database.primary.selectFrom("playlist_tracks").where("track_id", "=", doomed).execute();
    expect(rows).toEqual([]);
  });
});

describe("loadPlaylistSummaries", () => {
  it("returns summaries in the order asked, as the viewer sees them, skipping what they may not see, in one query", async () => {
    const art = await track({ artwork: true, durationMs: 3000 });
    const mine = await track({ visibility: "private", artwork: true, durationMs: 7000 }, cast.owner.id);
    const a = await createPlaylist(t.app, cast.owner, { title: "A" });
    const b = await createPlaylist(t.app, cast.owner, { title: "B", visibility: "unlisted" });
    const secret = await createPlaylist(t.app, cast.owner, { title: "C", visibility: "private" });
    await addTracks(t.app, cast.owner, a.id, [mine, art]);
    const gone = "00000000-0000-4000-8000-000000000000";

    let queries = 0;
    const counted = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: t.db.database.pool }),
      log: () => {
        queries += 1;
      },
    });
    const ids = [b.id, secret.id, gone, a.id, "not-an-id"];
    const asOther = await loadPlaylistSummaries(counted, ids, { userId: cast.other.id });
    expect(queries).toBe(1);
    expect(asOther.map((summary) => summary.id)).toEqual([b.id, a.id]);
    expect(asOther[1]).toMatchObject({
      title: "A",
      trackCount: 1,
      durationMs: 3000,
      artworkUrls: [`/api/v1/tracks/${art}/artwork/large`],
      owner: { id: cast.owner.id, username: cast.owner.username },
    });

    const asOwner = await loadPlaylistSummaries(t.db.database.primary, ids, { userId: cast.owner.id });
    expect(asOwner.map((summary) => summary.id)).toEqual([b.id, secret.id, a.id]);
    expect(asOwner[2]).toMatchObject({
      trackCount: 2,
      durationMs: 10_000,
      artworkUrls: [`/api/v1/tracks/${mine}/artwork/large`, `/api/v1/tracks/${art}/artwork/large`],
    });
    expect((await loadPlaylistSummaries(t.db.database.primary, ids, null)).map((summary) => summary.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(await loadPlaylistSummaries(t.db.database.primary, [], null)).toEqual([]);
  });
});

describe("pagination", () => {
  it("pages my playlists and a user's public ones newest first, with ties broken by id", async () => {
    const lister = await buildMember(t);
    const created: Playlist[] = [];
    for (let index = 0; index < 7; index += 1) {
      created.push(
        await createPlaylist(t.app, lister, {
          title: `List ${index}`,
          visibility: index === 3 ? "unlisted" : "public",
        }),
      );
    }
    // Two made in the same instant must still come out once each, in a stable order.
    await t.db.database.primary
      .updateTable("playlists")
      .set({ created_at: new Date("2024-05-01T12:00:00Z") })
      .where("id", "in", [created[1]?.id as string, created[2]?.id as string])
      .execute();

    const walk = async (who: Member | null, url: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await call(t.app, who, "GET", `${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        const page = pageOf(response);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      return seen;
    };

    const mine = await walk(lister, "/api/v1/me/playlists");
    expect(mine).toHaveLength(7);
    expect(new Set(mine)).toEqual(new Set(created.map((playlist) => playlist.id)));
    expect(mine.slice(0, 4)).toEqual([created[6]?.id, created[5]?.id, created[4]?.id, created[3]?.id]);

    const theirs = await walk(null, `/api/v1/users/${lister.username}/playlists`);
    expect(theirs).toEqual(mine.filter((id) => id !== created[3]?.id));
  });

  it("refuses a malformed cursor with 400", async () => {
    const crafted = Buffer.from(JSON.stringify(["not a date", "not an id"])).toString("base64url");
    for (const cursor of ["garbage", crafted]) {
      const response = await call(t.app, cast.owner, "GET", `/api/v1/me/playlists?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect((await call(t.app, cast.owner, "GET", "/api/v1/me/playlists?limit=0")).statusCode).toBe(400);
  });
});
