import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { makeWav } from "../../../test/media.ts";
import { useMediaProcesses } from "../../../test/media-processes.ts";
import { mediaUrlsOf } from "../../../test/media-urls.ts";
import { waitFor } from "../../../test/wait.ts";

/**
 * Two API processes over one database and one media store, as behind a load balancer: a
 * takedown made through the first must stop media in the second too, from its memory cache.
 */
const apps = useMediaProcesses();
let creator: SignedIn;
let fan: SignedIn;
let moderator: SignedIn;
let trackId: string;

beforeAll(async () => {
  const ip = (n: number) => `192.0.2.${n}`;
  creator = await signIn(apps.first, await buildUser(apps.testDb.database, { role: "creator" }), ip(1));
  fan = await signIn(apps.first, await buildUser(apps.testDb.database), ip(2));
  moderator = await signIn(apps.first, await buildUser(apps.testDb.database, { role: "moderator" }), ip(3));
  const wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-moderation-")), { seconds: 3 });
  trackId = await apps.uploadReady(creator.headers, wav, { title: "Pirated Anthem" });
});

const mediaUrls = (who: SignedIn) => mediaUrlsOf(apps.first, trackId, who);

const hlsPrefix = () => apps.hlsPrefix(trackId);

const takeDown = (reason: string) =>
  apps.first.inject({
    method: "POST",
    url: `/api/v1/admin/tracks/${trackId}/takedown`,
    headers: moderator.headers,
    payload: { reason, copyright: true },
  });

describe("media revocation on takedown", () => {
  it("moves the media back and keeps playing when the takedown cannot be recorded", async () => {
    const urls = await mediaUrls(fan);
    expect(await apps.statuses(urls)).toEqual(apps.all(200));
    const before = await hlsPrefix();
    // The database refuses the change: the transaction fails after the media moved.
    await sql`CREATE FUNCTION refuse_takedown() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'takedowns are failing'; END $$`.execute(apps.testDb.database.primary);
    await sql`CREATE TRIGGER refuse_takedown BEFORE UPDATE OF taken_down_at ON tracks
      FOR EACH ROW EXECUTE FUNCTION refuse_takedown()`.execute(apps.testDb.database.primary);
    try {
      expect((await takeDown("Should not stick")).statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_takedown ON tracks`.execute(apps.testDb.database.primary);
      await sql`DROP FUNCTION refuse_takedown()`.execute(apps.testDb.database.primary);
    }
    expect(await hlsPrefix()).toBe(before);
    expect(await apps.statuses(urls)).toEqual(apps.all(200));
  });

  it("stops a URL signed before the takedown at once, in every API process; a restore plays from a new one", async () => {
    // Both processes have the files in memory now (they are read twice).
    const signedBefore = await mediaUrls(fan);
    const ownerUrls = await mediaUrls(creator);
    expect(await apps.statuses(signedBefore)).toEqual(apps.all(200));
    expect(await apps.statuses(ownerUrls)).toEqual(apps.all(200));
    const oldPrefix = await hlsPrefix();

    const response = await takeDown("A copy of a label's release");
    expect(response.statusCode, response.body).toBe(200);

    // The process that took it down stops at once; the other as soon as its NOTIFY arrives.
    for (const kind of ["master", "rendition", "segment"] as const) {
      expect((await apps.first.inject({ url: signedBefore[kind] })).statusCode, kind).toBe(404);
    }
    await waitFor(
      async () => ((await apps.statuses(signedBefore))["second segment"] === 404 ? true : undefined),
      10_000,
      "the second process to forget the old segments",
    );
    expect(await apps.statuses(signedBefore)).toEqual(apps.all(404));
    expect(await apps.statuses(ownerUrls)).toEqual(apps.all(404));
    expect(await apps.services.tracks.storage.stat(`${oldPrefix}master.m3u8`)).toBeNull();
    const movedTo = await hlsPrefix();
    expect(movedTo).not.toBe(oldPrefix);
    expect(await apps.services.tracks.storage.stat(`${movedTo}master.m3u8`)).not.toBeNull();

    // No new URL for anyone: others do not see the track, its owner may not play it.
    const stream = (who: SignedIn) =>
      apps.first.inject({ url: `/api/v1/tracks/${trackId}/stream`, headers: { cookie: who.cookie } });
    expect((await stream(fan)).statusCode).toBe(404);
    expect((await stream(creator)).statusCode).toBe(403);

    const restore = await apps.first.inject({
      method: "POST",
      url: `/api/v1/admin/tracks/${trackId}/restore`,
      headers: moderator.headers,
      payload: { reason: "The licence was shown" },
    });
    expect(restore.statusCode, restore.body).toBe(200);
    const signedAfter = await mediaUrls(fan);
    expect(signedAfter.master).not.toBe(signedBefore.master);
    expect(await apps.statuses(signedAfter)).toEqual(apps.all(200));
    // The links from before stay dead: the media lives under its new prefix now.
    expect(await apps.statuses(signedBefore)).toEqual(apps.all(404));
  });
});
