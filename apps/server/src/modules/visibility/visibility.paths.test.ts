import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app.ts";
import { as, buildPerson, buildPlaylist, buildTrack, ok } from "../../../test/social.ts";

/**
 * The read paths ask the one rule: where the old copies disagreed (a moderator saw a hidden
 * track on its page but not in their likes or history), every path now answers alike, and
 * the decisions written in rules.ts (suspended profiles, taken-down playlists) hold over HTTP.
 */
const t = useTestApp();

describe("one rule behind every read path", () => {
  it("shows a moderator a hidden track they liked on its page, in their likes and in their history alike", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const moderator = await buildPerson(t, { role: "moderator" });
    const listener = await buildPerson(t);
    const trackId = await buildTrack(t.db.database, owner.id);
    for (const who of [moderator, listener]) {
      expect((await as(t.app, who, "PUT", `/api/v1/tracks/${trackId}/like`)).statusCode).toBe(200);
      expect((await as(t.app, who, "POST", `/api/v1/tracks/${trackId}/plays`)).statusCode).toBeLessThan(300);
    }
    await t.db.database.primary.updateTable("tracks").set({ status: "hidden" }).where("id", "=", trackId).execute();

    const likedIds = async (who: typeof listener) =>
      ok<{ items: { track: { id: string } }[] }>(await as(t.app, who, "GET", "/api/v1/me/likes/tracks")).items.map(
        (item) => item.track.id,
      );
    const historyTracks = async (who: typeof listener) =>
      ok<{ items: { track: { id: string } | null }[] }>(await as(t.app, who, "GET", "/api/v1/me/history")).items.map(
        (item) => item.track?.id ?? null,
      );

    expect((await as(t.app, moderator, "GET", `/api/v1/tracks/${trackId}`)).statusCode).toBe(200);
    expect(await likedIds(moderator)).toEqual([trackId]);
    expect((await as(t.app, listener, "GET", `/api/v1/tracks/${trackId}`)).statusCode).toBe(404);
    expect(await likedIds(listener)).toEqual([]);
    // History keeps both entries; whether the track still opens is the same rule.
    expect(await historyTracks(moderator)).toEqual([trackId]);
    expect(await historyTracks(listener)).toEqual([null]);
  });

  it("hides a suspended account's profile from everyone but staff and itself, and from creator search", async () => {
    const creator = await buildPerson(t, { role: "creator" });
    const moderator = await buildPerson(t, { role: "moderator" });
    const listener = await buildPerson(t);
    await buildTrack(t.db.database, creator.id);
    const profile = (who: typeof listener | null) => as(t.app, who, "GET", `/api/v1/users/${creator.username}`);
    expect((await profile(null)).statusCode).toBe(200);
    expect((await as(t.app, moderator, "PUT", `/api/v1/users/${creator.username}/follow`)).statusCode).toBe(200);

    await t.db.database.primary
      .updateTable("users")
      .set({ suspended_at: new Date(), suspension_reason: "spam" })
      .where("id", "=", creator.id)
      .execute();
    expect((await profile(null)).statusCode).toBe(404);
    expect((await profile(listener)).statusCode).toBe(404);
    expect((await as(t.app, listener, "PUT", `/api/v1/users/${creator.username}/follow`)).statusCode).toBe(404);
    expect((await profile(moderator)).statusCode).toBe(200);
    const search = ok<{ creators: { items: { id: string }[] } }>(
      await as(t.app, null, "GET", `/api/v1/search?q=${creator.username}&type=creators`),
    );
    expect(search.creators.items.map((item) => item.id)).not.toContain(creator.id);
  });

  it("lets moderators open a taken-down playlist to judge it, and nobody else but its owner", async () => {
    const owner = await buildPerson(t, { role: "creator" });
    const moderator = await buildPerson(t, { role: "moderator" });
    const listener = await buildPerson(t);
    const playlistId = await buildPlaylist(t.db.database, owner.id, "public");
    const like = (who: typeof listener) => as(t.app, who, "PUT", `/api/v1/playlists/${playlistId}/like`);
    expect((await like(moderator)).statusCode).toBe(200);
    await t.db.database.primary
      .updateTable("playlists")
      .set({ taken_down_at: new Date(), takedown_reason: "spam" })
      .where("id", "=", playlistId)
      .execute();
    const open = (who: typeof listener | null) => as(t.app, who, "GET", `/api/v1/playlists/${playlistId}`);
    expect((await open(null)).statusCode).toBe(404);
    expect((await open(listener)).statusCode).toBe(404);
    expect((await open(owner)).statusCode).toBe(200);
    expect((await open(moderator)).statusCode).toBe(200);
    // Liking is reading too: the same rule answers.
    expect((await like(listener)).statusCode).toBe(404);
  });
});
