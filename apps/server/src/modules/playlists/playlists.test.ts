import { playlistTrackLimit } from "@stave/contracts";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import {
  addTracks,
  buildTrack,
  call,
  createPlaylist,
  playlistOf,
  trackIdsOf,
  usePlaylistCast,
} from "../../../test/playlists.ts";

const t = useTestApp();
const cast = usePlaylistCast(t);

const tracksOf = (count: number, options: Parameters<typeof buildTrack>[2] = {}) =>
  Promise.all(Array.from({ length: count }, () => buildTrack(t.db.database, cast.creator.id, options)));

describe("creating, reading, updating and deleting", () => {
  it("creates an empty public playlist by default and reads it back", async () => {
    const created = await createPlaylist(t.app, cast.owner, {
      title: "  Road trip  ",
      description: "Songs for the A7",
    });
    expect(created).toMatchObject({
      title: "Road trip",
      description: "Songs for the A7",
      visibility: "public",
      trackCount: 0,
      durationMs: 0,
      artworkUrls: [],
      tracks: [],
      owner: { id: cast.owner.id, username: cast.owner.username },
    });
    const read = playlistOf(await call(t.app, null, "GET", `/api/v1/playlists/${created.id}`));
    expect(read).toEqual(created);
  });

  it("refuses a missing, blank or too long title, a too long description, an unknown visibility and NUL characters", async () => {
    for (const body of [
      {},
      { title: "   " },
      { title: "x".repeat(201) },
      { title: "ok", description: "x".repeat(5001) },
      { title: "ok", visibility: "friends" },
      { title: "nul\u0000byte" },
      { title: "ok", description: "nul\u0000byte" },
    ]) {
      const response = await call(t.app, cast.owner, "POST", "/api/v1/playlists", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });

  it("needs a signed-in caller, and the CSRF token with a session cookie", async () => {
    const anonymous = await call(t.app, null, "POST", "/api/v1/playlists", { title: "Nope" });
    expect(anonymous.statusCode).toBe(401);
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/v1/playlists",
      headers: { cookie: cast.owner.session.cookie },
      payload: { title: "Nope" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(errorCode(noToken)).toBe("CSRF_INVALID");
  });

  it("lets the owner rename, describe and change the visibility; anyone else gets 404", async () => {
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Draft" });
    const url = `/api/v1/playlists/${playlist.id}`;
    const updated = playlistOf(
      await call(t.app, cast.owner, "PATCH", url, { title: "Final", description: "Done", visibility: "unlisted" }),
    );
    expect(updated).toMatchObject({ title: "Final", description: "Done", visibility: "unlisted" });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(playlist.updatedAt));

    const cleared = playlistOf(await call(t.app, cast.owner, "PATCH", url, { description: null }));
    expect(cleared).toMatchObject({ title: "Final", description: null, visibility: "unlisted" });
    const unchanged = playlistOf(await call(t.app, cast.owner, "PATCH", url, {}));
    expect(unchanged).toEqual(cleared);
    expect((await call(t.app, cast.other, "PATCH", url, {})).statusCode).toBe(404);

    const byOther = await call(t.app, cast.other, "PATCH", url, { title: "Mine now" });
    expect(byOther.statusCode).toBe(404);
    expect(errorCode(byOther)).toBe("NOT_FOUND");
    expect((await call(t.app, null, "PATCH", url, { title: "x" })).statusCode).toBe(401);
    expect((await call(t.app, cast.owner, "PATCH", url, { title: "" })).statusCode).toBe(400);
    expect(playlistOf(await call(t.app, cast.owner, "GET", url)).title).toBe("Final");
  });

  it("lets only the owner delete; the tracks stay", async () => {
    const [trackId] = await tracksOf(1);
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Short-lived" });
    await addTracks(t.app, cast.owner, playlist.id, [trackId as string]);
    const url = `/api/v1/playlists/${playlist.id}`;

    expect((await call(t.app, cast.other, "DELETE", url)).statusCode).toBe(404);
    expect((await call(t.app, cast.owner, "GET", url)).statusCode).toBe(200);
    expect((await call(t.app, cast.owner, "DELETE", url)).statusCode).toBe(204);
    expect((await call(t.app, cast.owner, "GET", url)).statusCode).toBe(404);
    expect((await call(t.app, cast.owner, "DELETE", url)).statusCode).toBe(404);
    expect((await call(t.app, null, "GET", `/api/v1/tracks/${trackId}`)).statusCode).toBe(200);
  });

  it("answers 404 for an unknown id and 400 for one that is not an id", async () => {
    const unknown = await call(t.app, null, "GET", "/api/v1/playlists/00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    const malformed = await call(t.app, null, "GET", "/api/v1/playlists/not-an-id");
    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe("VALIDATION_FAILED");
  });
});

describe("adding, removing and ordering tracks", () => {
  it("appends tracks in order and totals what the listener gets, with artwork from the first tracks that have some", async () => {
    const withoutArt = await buildTrack(t.db.database, cast.creator.id, { durationMs: 1000 });
    const withArt = await tracksOf(5, { durationMs: 2000, artwork: true });
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Mix" });
    const filled = await addTracks(t.app, cast.owner, playlist.id, [withoutArt, ...withArt]);
    expect(filled && trackIdsOf(filled)).toEqual([withoutArt, ...withArt]);
    expect(filled).toMatchObject({
      trackCount: 6,
      durationMs: 11_000,
      artworkUrls: withArt.slice(0, 4).map((id) => `/api/v1/tracks/${id}/artwork/large`),
    });
    expect(filled?.tracks[1]).toMatchObject({
      id: withArt[0],
      artworkUrl: `/api/v1/tracks/${withArt[0]}/artwork/large`,
    });
  });

  it("answers 201 with the playlist, 409 for a track already there, 404 for an unknown track or someone else's playlist", async () => {
    const [trackId] = await tracksOf(1);
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Once each" });
    const url = `/api/v1/playlists/${playlist.id}/tracks`;
    const first = await call(t.app, cast.owner, "POST", url, { trackId });
    expect(first.statusCode).toBe(201);
    const again = await call(t.app, cast.owner, "POST", url, { trackId });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe("TRACK_ALREADY_IN_PLAYLIST");
    const unknown = await call(t.app, cast.owner, "POST", url, { trackId: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Track not found");
    const notMine = await call(t.app, cast.other, "POST", url, { trackId });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.message).toBe("Playlist not found");
    expect((await call(t.app, cast.owner, "POST", url, { trackId: "nope" })).statusCode).toBe(400);
    expect((await call(t.app, null, "POST", url, { trackId })).statusCode).toBe(401);
  });

  it("removes a track; removing one that is not there is a 404", async () => {
    const ids = await tracksOf(3);
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Trim" });
    await addTracks(t.app, cast.owner, playlist.id, ids);
    const url = `/api/v1/playlists/${playlist.id}/tracks/${ids[1]}`;
    expect((await call(t.app, cast.other, "DELETE", url)).statusCode).toBe(404);
    const trimmed = playlistOf(await call(t.app, cast.owner, "DELETE", url));
    expect(trackIdsOf(trimmed)).toEqual([ids[0], ids[2]]);
    const again = await call(t.app, cast.owner, "DELETE", url);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe("This track is not in the playlist");
    // Appending after a removal goes to the end.
    const [extra] = await tracksOf(1);
    const appended = await addTracks(t.app, cast.owner, playlist.id, [extra as string]);
    expect(appended && trackIdsOf(appended)).toEqual([ids[0], ids[2], extra]);
  });

  it("reorders to the full new order, and refuses a set that differs from the current one", async () => {
    const ids = (await tracksOf(4)) as [string, string, string, string];
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Shuffle" });
    await addTracks(t.app, cast.owner, playlist.id, ids);
    const url = `/api/v1/playlists/${playlist.id}/order`;
    const reordered = playlistOf(
      await call(t.app, cast.owner, "PUT", url, { trackIds: [ids[3], ids[1], ids[0], ids[2]] }),
    );
    expect(trackIdsOf(reordered)).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    expect(trackIdsOf(playlistOf(await call(t.app, null, "GET", `/api/v1/playlists/${playlist.id}`)))).toEqual([
      ids[3],
      ids[1],
      ids[0],
      ids[2],
    ]);

    const [stranger] = await tracksOf(1);
    const missing = await call(t.app, cast.owner, "PUT", url, { trackIds: [ids[0], ids[1], ids[2]] });
    expect(missing.statusCode).toBe(409);
    expect(errorCode(missing)).toBe("PLAYLIST_ORDER_MISMATCH");
    expect(missing.json().error.details).toEqual({ missing: [ids[3]], unexpected: [] });
    const extra = await call(t.app, cast.owner, "PUT", url, { trackIds: [...ids, stranger] });
    expect(extra.statusCode).toBe(409);
    expect(extra.json().error.details).toEqual({ missing: [], unexpected: [stranger] });
    const duplicated = await call(t.app, cast.owner, "PUT", url, {
      trackIds: [ids[0], ids[0], ids[1], ids[2], ids[3]],
    });
    expect(duplicated.statusCode).toBe(400);
    expect(errorCode(duplicated)).toBe("VALIDATION_FAILED");
    expect((await call(t.app, cast.other, "PUT", url, { trackIds: ids })).statusCode).toBe(404);
    expect(trackIdsOf(playlistOf(await call(t.app, cast.owner, "GET", `/api/v1/playlists/${playlist.id}`)))).toEqual([
      ids[3],
      ids[1],
      ids[0],
      ids[2],
    ]);
  });

  it("applies concurrent changes one after another: every add lands, and every reorder sees a whole playlist", async () => {
    const ids = await tracksOf(12);
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Busy" });
    const adds = await Promise.all(
      ids.map((trackId) => call(t.app, cast.owner, "POST", `/api/v1/playlists/${playlist.id}/tracks`, { trackId })),
    );
    expect(adds.map((response) => response.statusCode)).toEqual(ids.map(() => 201));
    const current = trackIdsOf(playlistOf(await call(t.app, cast.owner, "GET", `/api/v1/playlists/${playlist.id}`)));
    expect([...current].sort()).toEqual([...ids].sort());

    const orders = [1, 2, 3, 4, 5].map((shift) => [...current.slice(shift), ...current.slice(0, shift)]);
    const [extra] = await tracksOf(1);
    const results = await Promise.all([
      ...orders.map((trackIds) =>
        call(t.app, cast.owner, "PUT", `/api/v1/playlists/${playlist.id}/order`, { trackIds }),
      ),
      call(t.app, cast.owner, "POST", `/api/v1/playlists/${playlist.id}/tracks`, { trackId: extra }),
    ]);
    // A reorder that ran after the add names a stale set and is refused; none fails otherwise.
    for (const response of results.slice(0, -1)) expect([200, 409]).toContain(response.statusCode);
    expect(results.at(-1)?.statusCode).toBe(201);
    const final = trackIdsOf(playlistOf(await call(t.app, cast.owner, "GET", `/api/v1/playlists/${playlist.id}`)));
    expect(final).toHaveLength(13);
    expect(new Set(final).size).toBe(13);
    const positions = await t.db.database.primary
      .selectFrom("playlist_tracks")
      .select("position")
      .where("playlist_id", "=", playlist.id)
      .execute();
    expect(new Set(positions.map((row) => row.position)).size).toBe(13);
  });

  it(`holds at most ${playlistTrackLimit} tracks`, async () => {
    const playlist = await createPlaylist(t.app, cast.owner, { title: "Everything" });
    await sql`
      WITH made AS (
        INSERT INTO tracks (owner_id, title, slug, original_key, original_format, original_size, status)
        SELECT ${cast.creator.id}, 'Filler ' || n, 'filler-' || n, 'tracks/filler/' || n, 'wav', 1, 'ready'
          FROM generate_series(1, ${playlistTrackLimit}) AS n
        RETURNING id
      )
      INSERT INTO playlist_tracks (playlist_id, track_id, position)
      SELECT ${playlist.id}, id, row_number() OVER () FROM made`.execute(t.db.database.primary);
    const [one] = await tracksOf(1);
    const full = await call(t.app, cast.owner, "POST", `/api/v1/playlists/${playlist.id}/tracks`, { trackId: one });
    expect(full.statusCode).toBe(409);
    expect(errorCode(full)).toBe("PLAYLIST_FULL");
    expect(playlistOf(await call(t.app, cast.owner, "GET", `/api/v1/playlists/${playlist.id}`)).trackCount).toBe(
      playlistTrackLimit,
    );
  });
});
