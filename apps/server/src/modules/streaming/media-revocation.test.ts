import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn, type TestUser } from "../../../test/accounts.ts";
import { silentLogger } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { useMediaProcesses } from "../../../test/media-processes.ts";
import { type MediaUrls, mediaUrlsOf } from "../../../test/media-urls.ts";
import { waitFor } from "../../../test/wait.ts";
import { ImmutableObjectCache } from "../../platform/storage/index.ts";
import { suspendAsOperator, unsuspendAsOperator } from "../admin/admin.cli.ts";

/**
 * Stream URLs signed before a suspension, or before a track turns private, stop working at
 * once, as a takedown's do. Two API processes over one database and one media store, as behind
 * a load balancer: both have the media in memory, and both must forget it.
 */
const apps = useMediaProcesses();
let creatorUser: TestUser;
let creator: SignedIn;
let fan: SignedIn;
let admin: SignedIn;
let wav: string;

const ip = (n: number) => `192.0.2.${n}`;

beforeAll(async () => {
  creatorUser = await buildUser(apps.testDb.database, { role: "creator" });
  creator = await signIn(apps.first, creatorUser, ip(1));
  fan = await signIn(apps.first, await buildUser(apps.testDb.database), ip(2));
  admin = await signIn(apps.first, await buildUser(apps.testDb.database, { role: "admin" }), ip(3));
  wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-revocation-")), { seconds: 2 });
});

const publishTrack = (title: string) => apps.uploadReady(creator.headers, wav, { title, visibility: "public" });

const mediaUrls = (trackId: string, who: SignedIn) => mediaUrlsOf(apps.first, trackId, who);

/** Every process answers `status` for every URL: a process that did not make the change hears of it by NOTIFY. */
async function expectEverywhere(urls: MediaUrls, status: number) {
  await waitFor(
    async () => (JSON.stringify(await apps.statuses(urls)) === JSON.stringify(apps.all(status)) ? true : undefined),
    10_000,
    `every process to answer ${status}`,
  );
}

const hlsPrefix = (trackId: string) => apps.hlsPrefix(trackId);

const setVisibility = (trackId: string, visibility: "public" | "unlisted" | "private") =>
  apps.first.inject({
    method: "PATCH",
    url: `/api/v1/tracks/${trackId}`,
    headers: creator.headers,
    payload: { visibility },
  });

const adminPost = (url: string, payload?: object) =>
  apps.first.inject({ method: "POST", url, headers: admin.headers, ...(payload && { payload }) });

describe("media revocation on suspension", () => {
  it("stops URLs signed before it at once, in every API process; after it is lifted, new URLs play", async () => {
    const trackIds = [await publishTrack("Before the ban"), await publishTrack("Also before the ban")];
    const signedBefore = await Promise.all(trackIds.map((id) => mediaUrls(id, fan)));
    const ownerSigned = await mediaUrls(trackIds[0] as string, creator);
    // Both processes hold the files in memory now.
    for (const urls of [...signedBefore, ownerSigned]) expect(await apps.statuses(urls)).toEqual(apps.all(200));
    const before = await Promise.all(trackIds.map(hlsPrefix));

    const suspended = await adminPost(`/api/v1/admin/users/${creatorUser.id}/suspend`, { reason: "Spam" });
    expect(suspended.statusCode, suspended.body).toBe(200);

    // The process that suspended stops at once, the other as soon as its NOTIFY arrives.
    for (const kind of ["master", "rendition", "segment"] as const) {
      expect((await apps.first.inject({ url: (signedBefore[0] as MediaUrls)[kind] })).statusCode, kind).toBe(404);
    }
    for (const urls of [...signedBefore, ownerSigned]) await expectEverywhere(urls, 404);
    const after = await Promise.all(trackIds.map(hlsPrefix));
    for (const [index, prefix] of after.entries()) {
      expect(prefix).not.toBe(before[index]);
      expect(await apps.services.tracks.storage.stat(`${prefix}master.m3u8`)).not.toBeNull();
      expect(await apps.services.tracks.storage.stat(`${before[index]}master.m3u8`)).toBeNull();
    }

    const lifted = await adminPost(`/api/v1/admin/users/${creatorUser.id}/unsuspend`);
    expect(lifted.statusCode, lifted.body).toBe(200);
    creator = await signIn(apps.first, creatorUser, ip(1));
    for (const id of trackIds) {
      const signedAfter = await mediaUrls(id, fan);
      expect(await apps.statuses(signedAfter)).toEqual(apps.all(200));
    }
    // The URLs from before stay dead.
    for (const urls of signedBefore) expect(await apps.statuses(urls)).toEqual(apps.all(404));
  });

  it("stops them from the `stave admin suspend` command too, which serves no media itself", async () => {
    const trackId = await publishTrack("Suspended from the shell");
    const signedBefore = await mediaUrls(trackId, fan);
    expect(await apps.statuses(signedBefore)).toEqual(apps.all(200));
    // What `stave admin` builds: its own storage handle and an empty cache, like a separate process.
    const cli = {
      database: apps.testDb.database,
      logger: silentLogger,
      media: {
        database: apps.testDb.database,
        logger: silentLogger,
        storage: apps.services.tracks.storage,
        mediaCache: new ImmutableObjectCache(apps.services.tracks.storage, 0),
      },
    };
    await suspendAsOperator(cli, { user: creatorUser.username, reason: "Spam again" });
    // Neither API process made the change: both evict on the NOTIFY.
    await expectEverywhere(signedBefore, 404);

    await unsuspendAsOperator(cli, { user: creatorUser.username });
    creator = await signIn(apps.first, creatorUser, ip(1));
    expect(await apps.statuses(await mediaUrls(trackId, fan))).toEqual(apps.all(200));
  });

  it("moves every track's media back, still playing, when the suspension cannot be recorded", async () => {
    const trackIds = [await publishTrack("Kept one"), await publishTrack("Kept two")];
    const signed = await Promise.all(trackIds.map((id) => mediaUrls(id, fan)));
    const before = await Promise.all(trackIds.map(hlsPrefix));
    const db = apps.testDb.database.primary;
    // The database refuses to hide the tracks, after their media moved.
    await sql`CREATE FUNCTION refuse_hiding() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'hidden' THEN RAISE EXCEPTION 'hiding is failing'; END IF; RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER refuse_hiding BEFORE UPDATE OF status ON tracks
      FOR EACH ROW EXECUTE FUNCTION refuse_hiding()`.execute(db);
    try {
      const response = await adminPost(`/api/v1/admin/users/${creatorUser.id}/suspend`, { reason: "Will not stick" });
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_hiding ON tracks`.execute(db);
      await sql`DROP FUNCTION refuse_hiding()`.execute(db);
    }
    expect(await Promise.all(trackIds.map(hlsPrefix))).toEqual(before);
    for (const urls of signed) expect(await apps.statuses(urls)).toEqual(apps.all(200));
    const user = await db
      .selectFrom("users")
      .select("suspended_at")
      .where("id", "=", creatorUser.id)
      .executeTakeFirst();
    expect(user?.suspended_at).toBeNull();
  });
});

describe("media revocation when a track turns private", () => {
  it("keeps URLs signed while public working when it turns unlisted, and stops them when it turns private", async () => {
    const trackId = await publishTrack("Going dark");
    const signedWhilePublic = await mediaUrls(trackId, fan);
    expect(await apps.statuses(signedWhilePublic)).toEqual(apps.all(200));

    // Unlisted: anyone holding a link may play it, and a signed URL is such a link.
    const unlisted = await setVisibility(trackId, "unlisted");
    expect(unlisted.statusCode, unlisted.body).toBe(200);
    expect(await apps.statuses(signedWhilePublic)).toEqual(apps.all(200));

    const hidden = await setVisibility(trackId, "private");
    expect(hidden.statusCode, hidden.body).toBe(200);
    for (const kind of ["master", "rendition", "segment"] as const) {
      expect((await apps.first.inject({ url: signedWhilePublic[kind] })).statusCode, kind).toBe(404);
    }
    await expectEverywhere(signedWhilePublic, 404);
    // The owner still plays it, from a new URL; others get no URL at all.
    expect(await apps.statuses(await mediaUrls(trackId, creator))).toEqual(apps.all(200));
    const fanAsks = await apps.first.inject({
      url: `/api/v1/tracks/${trackId}/stream`,
      headers: { cookie: fan.cookie },
    });
    expect(fanAsks.statusCode).toBe(404);

    // Public again: new URLs play, those from before stay dead.
    expect((await setVisibility(trackId, "public")).statusCode).toBe(200);
    expect(await apps.statuses(await mediaUrls(trackId, fan))).toEqual(apps.all(200));
    expect(await apps.statuses(signedWhilePublic)).toEqual(apps.all(404));
  });

  it("stops them when the change to private read the track before another request made it public", async () => {
    const trackId = await publishTrack("Back and forth");
    expect((await setVisibility(trackId, "private")).statusCode).toBe(200);
    // Connections of the test's own, outside the app's small pool, which the requests need.
    const holder = new pg.Client({ connectionString: apps.testDb.url });
    const observer = new pg.Client({ connectionString: apps.testDb.url });
    await holder.connect();
    await observer.connect();
    try {
      // The owner's slug lock, which a PATCH that renames the track takes first in its
      // transaction: held here, it stops that PATCH after it read the track (private) and
      // before it locks the row.
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('track_slug'), hashtext($1))", [creatorUser.id]);
      const goingPrivate = Promise.resolve(
        apps.first.inject({
          method: "PATCH",
          url: `/api/v1/tracks/${trackId}`,
          headers: creator.headers,
          payload: { visibility: "private", title: "Back and forth, renamed" },
        }),
      );
      await waitFor(
        async () => {
          const { rows } = await observer.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks
              WHERE locktype = 'advisory' AND NOT granted
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          return (rows[0]?.waiting ?? 0) > 0 ? true : undefined;
        },
        10_000,
        "the change to private to wait for the slug lock",
      );
      // Meanwhile another request makes it public, and a fan gets URLs.
      expect((await setVisibility(trackId, "public")).statusCode).toBe(200);
      const signedWhilePublic = await mediaUrls(trackId, fan);
      expect(await apps.statuses(signedWhilePublic)).toEqual(apps.all(200));

      await holder.query("COMMIT");
      const done = await goingPrivate;
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().track.visibility).toBe("private");
      await expectEverywhere(signedWhilePublic, 404);
    } finally {
      await holder.end();
      await observer.end();
    }
  });

  it("leaves the media where it is when a private track stays private", async () => {
    const trackId = await publishTrack("Always private");
    expect((await setVisibility(trackId, "private")).statusCode).toBe(200);
    const ownerSigned = await mediaUrls(trackId, creator);
    const prefix = await hlsPrefix(trackId);
    const renamed = await apps.first.inject({
      method: "PATCH",
      url: `/api/v1/tracks/${trackId}`,
      headers: creator.headers,
      payload: { visibility: "private", title: "Still private" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await hlsPrefix(trackId)).toBe(prefix);
    expect(await apps.statuses(ownerSigned)).toEqual(apps.all(200));
  });
});
