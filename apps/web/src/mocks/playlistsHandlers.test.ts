import { errorEnvelopeSchema, playlistPageSchema, playlistResponseSchema } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildPlaylistRecord,
  buildProcessingTrack,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  minutesAgo,
  ownerOf,
  THEO,
  withArtwork,
} from "./handlers.ts";
import { server } from "./server.ts";

// The playlists domain of the mocked API: every reply parses with the contract schemas
// the app uses, and the server's 404/409 rules hold.

const csrf = "mock-csrf-token";
const lin = buildVerifiedUser({ username: "lin", profile: { displayName: "Lin" } });
const grace = buildVerifiedUser({ username: "grace", profile: { displayName: null } });
const tracks = [
  withArtwork(buildTrack({ title: "One", durationMs: 100_000 })),
  buildTrack({ title: "Two", durationMs: 200_000 }),
  withArtwork(buildTrack({ title: "Three", owner: THEO, durationMs: 300_000 })),
];
const [one, two, three] = tracks as [(typeof tracks)[0], (typeof tracks)[0], (typeof tracks)[0]];
const theoSecret = buildTrack({ title: "Theo's Secret", owner: THEO, visibility: "private" });
const linDemo = buildProcessingTrack({ title: "Lin's Demo", owner: ownerOf(lin) });
const mix = buildPlaylistRecord({ title: "Mix", owner: ownerOf(lin), tracks: [one, two, three] });
const hidden = buildPlaylistRecord({ title: "Hidden", owner: ownerOf(lin), visibility: "private" });
const link = buildPlaylistRecord({ title: "By link", owner: ownerOf(lin), visibility: "unlisted" });

function signIn(me = lin, playlistRecords = [mix, hidden, link]) {
  const api = createMockApi({ me, tracks: [...tracks, theoSecret, linDemo], playlistRecords });
  server.use(...api.handlers);
  return api;
}

const playlistOf = (reply: { json: unknown }) => playlistResponseSchema.parse(reply.json).playlist;

describe("mock playlists API", () => {
  it("serves a playlist with its tracks in order, totals and a mosaic from the tracks with artwork", async () => {
    signIn(grace);
    const playlist = playlistOf(await call("GET", `/api/v1/playlists/${mix.id}`));

    expect(playlist.tracks.map((track) => track.title)).toEqual(["One", "Two", "Three"]);
    expect(playlist.trackCount).toBe(3);
    expect(playlist.durationMs).toBe(600_000);
    expect(playlist.artworkUrls).toEqual([one.artworkUrl, three.artworkUrl]);
  });

  it("hides a private playlist from everyone but its owner, as a 404", async () => {
    signIn(grace);
    expectError(await call("GET", `/api/v1/playlists/${hidden.id}`), 404, "NOT_FOUND");
    expect(playlistOf(await call("GET", `/api/v1/playlists/${link.id}`)).title).toBe("By link");
    expectError(
      await call("PATCH", `/api/v1/playlists/${mix.id}`, { body: { title: "Mine now" }, csrf }),
      404,
      "NOT_FOUND",
    );

    signIn(lin);
    expect(playlistOf(await call("GET", `/api/v1/playlists/${hidden.id}`)).visibility).toBe("private");
  });

  it("creates, edits and deletes, for a signed-in user with the CSRF token", async () => {
    expectError(await call("POST", "/api/v1/playlists", { body: { title: "Nope" } }), 401, "UNAUTHENTICATED");
    signIn();
    expectError(await call("POST", "/api/v1/playlists", { body: { title: "No token" } }), 403, "CSRF_INVALID");
    expectError(await call("POST", "/api/v1/playlists", { body: { title: "  " }, csrf }), 400, "VALIDATION_FAILED");

    const created = await call("POST", "/api/v1/playlists", { body: { title: "New" }, csrf });
    expect(created.status).toBe(201);
    const playlist = playlistOf(created);
    expect(playlist).toMatchObject({ title: "New", description: null, visibility: "public", trackCount: 0 });
    expect(playlist.owner.username).toBe("lin");

    const edited = await call("PATCH", `/api/v1/playlists/${playlist.id}`, {
      body: { description: "Now described", visibility: "unlisted" },
      csrf,
    });
    expect(playlistOf(edited)).toMatchObject({ title: "New", description: "Now described", visibility: "unlisted" });

    expect((await call("DELETE", `/api/v1/playlists/${playlist.id}`, { csrf })).status).toBe(204);
    expectError(await call("GET", `/api/v1/playlists/${playlist.id}`), 404, "NOT_FOUND");
  });

  it("adds and removes tracks, with 409s for a duplicate and a full playlist and 404s for what is not there", async () => {
    signIn();
    const added = await call("POST", `/api/v1/playlists/${hidden.id}/tracks`, { body: { trackId: two.id }, csrf });
    expect(added.status).toBe(201);
    expect(playlistOf(added).tracks.map((track) => track.title)).toEqual(["Two"]);
    // My own track in any state is mine to add.
    await call("POST", `/api/v1/playlists/${hidden.id}/tracks`, { body: { trackId: linDemo.id }, csrf });

    expectError(
      await call("POST", `/api/v1/playlists/${hidden.id}/tracks`, { body: { trackId: two.id }, csrf }),
      409,
      "TRACK_ALREADY_IN_PLAYLIST",
    );
    expectError(
      await call("POST", `/api/v1/playlists/${hidden.id}/tracks`, { body: { trackId: theoSecret.id }, csrf }),
      404,
      "NOT_FOUND",
    );

    const removed = await call("DELETE", `/api/v1/playlists/${hidden.id}/tracks/${two.id}`, { csrf });
    expect(playlistOf(removed).tracks.map((track) => track.title)).toEqual(["Lin's Demo"]);
    expectError(await call("DELETE", `/api/v1/playlists/${hidden.id}/tracks/${two.id}`, { csrf }), 404, "NOT_FOUND");
  });

  it("reorders only with exactly the current tracks, and says what differs otherwise", async () => {
    signIn();
    const reordered = await call("PUT", `/api/v1/playlists/${mix.id}/order`, {
      body: { trackIds: [three.id, one.id, two.id] },
      csrf,
    });
    expect(playlistOf(reordered).tracks.map((track) => track.title)).toEqual(["Three", "One", "Two"]);

    const stale = await call("PUT", `/api/v1/playlists/${mix.id}/order`, {
      body: { trackIds: [one.id, two.id, theoSecret.id] },
      csrf,
    });
    expectError(stale, 409, "PLAYLIST_ORDER_MISMATCH");
    expect(errorEnvelopeSchema.parse(stale.json).error.details).toEqual({
      missing: [three.id],
      unexpected: [theoSecret.id],
    });
  });

  it("keeps tracks the owner cannot see in their places when reordering", async () => {
    const withSecret = buildPlaylistRecord({ owner: ownerOf(lin), tracks: [one, theoSecret, two] });
    const api = signIn(lin, [withSecret]);

    const reply = await call("PUT", `/api/v1/playlists/${withSecret.id}/order`, {
      body: { trackIds: [two.id, one.id] },
      csrf,
    });

    expect(playlistOf(reply).tracks.map((track) => track.title)).toEqual(["Two", "One"]);
    expect(api.playlists.state.playlists[0]?.trackIds).toEqual([two.id, theoSecret.id, one.id]);
  });

  it("lists mine in every visibility, newest first and paginated, and a user's public ones to anyone", async () => {
    const older = Array.from({ length: 3 }, (_, index) =>
      buildPlaylistRecord({ title: `Old ${index}`, owner: ownerOf(lin), createdAt: minutesAgo(9000 + index) }),
    );
    signIn(lin, [mix, hidden, link, ...older]);

    const first = playlistPageSchema.parse((await call("GET", "/api/v1/me/playlists?limit=4")).json);
    expect(first.items.map((playlist) => playlist.title)).toEqual(["Mix", "Hidden", "By link", "Old 0"]);
    const second = playlistPageSchema.parse(
      (await call("GET", `/api/v1/me/playlists?limit=4&cursor=${first.nextCursor}`)).json,
    );
    expect(second.items.map((playlist) => playlist.title)).toEqual(["Old 1", "Old 2"]);
    expect(second.nextCursor).toBeNull();

    const publicOnes = playlistPageSchema.parse((await call("GET", "/api/v1/users/lin/playlists")).json);
    expect(publicOnes.items.map((playlist) => playlist.title)).toEqual(["Mix", "Old 0", "Old 1", "Old 2"]);
    expectError(await call("GET", "/api/v1/users/nobody/playlists"), 404, "NOT_FOUND");
  });

  it("needs a session for my playlists", async () => {
    expectError(await call("GET", "/api/v1/me/playlists"), 401, "UNAUTHENTICATED");
  });
});
