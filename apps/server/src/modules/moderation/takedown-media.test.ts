import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { everyMediaStatus, type MediaUrls, mediaStatuses, mediaUrlsOf } from "../../../test/media-urls.ts";
import { startTracksWorker, uploadTrack, waitForStatus } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import type { JobWorker } from "../../platform/jobs/index.ts";
import { buildServices, type Services } from "../../services.ts";

/**
 * Two API processes over one database and one media store, as behind a load balancer: a
 * takedown made through the first must stop media in the second too, from its memory cache.
 */
let testDb: TestDatabase;
let services: Services;
let first: FastifyInstance;
let second: FastifyInstance;
let worker: JobWorker;
let creator: SignedIn;
let fan: SignedIn;
let moderator: SignedIn;
let trackId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const built = await buildTestServices(testDb.database);
  services = built.services;
  first = await buildTestApp(testDb.database, { services });
  second = await buildTestApp(testDb.database, { services: buildServices(built.deps) });
  worker = await startTracksWorker(services.tracks);
  const ip = (n: number) => `192.0.2.${n}`;
  creator = await signIn(first, await buildUser(testDb.database, { role: "creator" }), ip(1));
  fan = await signIn(first, await buildUser(testDb.database), ip(2));
  moderator = await signIn(first, await buildUser(testDb.database, { role: "moderator" }), ip(3));
  const wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-moderation-")), { seconds: 3 });
  const upload = await uploadTrack(first, creator.headers, wav, { title: "Pirated Anthem" });
  expect(upload.statusCode, upload.body).toBe(201);
  trackId = upload.json().track.id;
  expect((await waitForStatus(services.tracks, trackId, ["ready", "failed"])).status).toBe("ready");
});
afterAll(async () => {
  await worker?.stop(100);
  await second?.close();
  await first?.close();
  await testDb?.drop();
});

const mediaUrls = (who: SignedIn) => mediaUrlsOf(first, trackId, who);
const statuses = (urls: MediaUrls) => mediaStatuses({ first, second }, urls);
const all = (status: number) => everyMediaStatus(["first", "second"], status);

const hlsPrefix = async () =>
  (
    await testDb.database.primary
      .selectFrom("tracks")
      .select("hls_prefix")
      .where("id", "=", trackId)
      .executeTakeFirstOrThrow()
  ).hls_prefix;

const takeDown = (reason: string) =>
  first.inject({
    method: "POST",
    url: `/api/v1/admin/tracks/${trackId}/takedown`,
    headers: moderator.headers,
    payload: { reason, copyright: true },
  });

describe("media revocation on takedown", () => {
  it("moves the media back and keeps playing when the takedown cannot be recorded", async () => {
    const urls = await mediaUrls(fan);
    expect(await statuses(urls)).toEqual(all(200));
    const before = await hlsPrefix();
    // The database refuses the change: the transaction fails after the media moved.
    await sql`CREATE FUNCTION refuse_takedown() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'takedowns are failing'; END $$`.execute(testDb.database.primary);
    await sql`CREATE TRIGGER refuse_takedown BEFORE UPDATE OF taken_down_at ON tracks
      FOR EACH ROW EXECUTE FUNCTION refuse_takedown()`.execute(testDb.database.primary);
    try {
      expect((await takeDown("Should not stick")).statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_takedown ON tracks`.execute(testDb.database.primary);
      await sql`DROP FUNCTION refuse_takedown()`.execute(testDb.database.primary);
    }
    expect(await hlsPrefix()).toBe(before);
    expect(await statuses(urls)).toEqual(all(200));
  });

  it("stops a URL signed before the takedown at once, in every API process; a restore plays from a new one", async () => {
    // Both processes have the files in memory now (they are read twice).
    const signedBefore = await mediaUrls(fan);
    const ownerUrls = await mediaUrls(creator);
    expect(await statuses(signedBefore)).toEqual(all(200));
    expect(await statuses(ownerUrls)).toEqual(all(200));
    const oldPrefix = await hlsPrefix();

    const response = await takeDown("A copy of a label's release");
    expect(response.statusCode, response.body).toBe(200);

    // The process that took it down stops at once; the other as soon as its NOTIFY arrives.
    for (const kind of ["master", "rendition", "segment"] as const) {
      expect((await first.inject({ url: signedBefore[kind] })).statusCode, kind).toBe(404);
    }
    await waitFor(
      async () => ((await statuses(signedBefore))["second segment"] === 404 ? true : undefined),
      10_000,
      "the second process to forget the old segments",
    );
    expect(await statuses(signedBefore)).toEqual(all(404));
    expect(await statuses(ownerUrls)).toEqual(all(404));
    expect(await services.tracks.storage.stat(`${oldPrefix}master.m3u8`)).toBeNull();
    const movedTo = await hlsPrefix();
    expect(movedTo).not.toBe(oldPrefix);
    expect(await services.tracks.storage.stat(`${movedTo}master.m3u8`)).not.toBeNull();

    // No new URL for anyone: others do not see the track, its owner may not play it.
    const stream = (who: SignedIn) =>
      first.inject({ url: `/api/v1/tracks/${trackId}/stream`, headers: { cookie: who.cookie } });
    expect((await stream(fan)).statusCode).toBe(404);
    expect((await stream(creator)).statusCode).toBe(403);

    const restore = await first.inject({
      method: "POST",
      url: `/api/v1/admin/tracks/${trackId}/restore`,
      headers: moderator.headers,
      payload: { reason: "The licence was shown" },
    });
    expect(restore.statusCode, restore.body).toBe(200);
    const signedAfter = await mediaUrls(fan);
    expect(signedAfter.master).not.toBe(signedBefore.master);
    expect(await statuses(signedAfter)).toEqual(all(200));
    // The links from before stay dead: the media lives under its new prefix now.
    expect(await statuses(signedBefore)).toEqual(all(404));
  });
});
