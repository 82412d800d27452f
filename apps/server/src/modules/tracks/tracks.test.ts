import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { errorEnvelopeSchema, trackSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices, errorCode } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/database.ts";
import { makeMp3WithCover, makeNotAudio, makeTruncated, makeWav } from "../../../test/media.ts";
import { startTracksWorker, uploadTrack, waitForProcessingIdle, waitForStatus } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import type { JobWorker } from "../../platform/jobs/index.ts";
import type { Services } from "../../services.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let services: Services;
let worker: JobWorker;
let creator: SignedIn;
let creatorId: string;
let fixtures: string;
let wav: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const built = await buildTestServices(testDb.database, { UPLOAD_MAX_BYTES: String(5 * 1024 * 1024) });
  services = built.services;
  app = await buildTestApp(testDb.database, { services });
  worker = await startTracksWorker(services.tracks);
  const user = await buildUser(testDb.database, { role: "creator" });
  creatorId = user.id;
  creator = await signIn(app, user);
  fixtures = await mkdtemp(path.join(os.tmpdir(), "stave-fixtures-"));
  wav = await makeWav(fixtures, { seconds: 3 });
});
afterAll(async () => {
  await worker.stop(100);
  await app.close();
  await testDb.drop();
});

const storedKeys = async (prefix = "") => {
  const root = path.join(services.tracks.tmpDir, "..", "media", prefix);
  try {
    return (await readdir(root, { recursive: true })).map(String);
  } catch {
    return [];
  }
};
const trackCount = async () => (await testDb.database.primary.selectFrom("tracks").select("id").execute()).length;

async function uploadReady(fields: Record<string, string> = {}, file = wav) {
  const response = await uploadTrack(app, creator.headers, file, fields);
  expect(response.statusCode).toBe(201);
  const track = trackSchema.parse(response.json().track);
  await waitForStatus(services.tracks, track.id, ["ready"]);
  return track;
}

describe("uploading", () => {
  it("stores the upload, answers 201 with its status, and processes it to ready with HLS, loudness and waveform", async () => {
    const response = await uploadTrack(app, creator.headers, wav, {
      title: "Morning Étude",
      tags: "piano, calm",
      visibility: "public",
    });
    expect(response.statusCode).toBe(201);
    const created = trackSchema.parse(response.json().track);
    expect(created).toMatchObject({
      title: "Morning Étude",
      slug: "morning-etude",
      tags: ["piano", "calm"],
      owner: { id: creatorId },
    });
    expect(["uploaded", "processing", "ready"]).toContain(created.status);

    await waitForStatus(services.tracks, created.id, ["ready", "failed"]);
    const track = trackSchema.parse(
      (await app.inject({ url: `/api/v1/tracks/${created.id}`, headers: { cookie: creator.cookie } })).json().track,
    );
    expect(track.status).toBe("ready");
    expect(track.progress).toBe(100);
    expect(track.durationMs).toBeGreaterThan(2900);
    expect(track.durationMs).toBeLessThan(3100);
    expect(track.waveform?.length).toBeGreaterThan(900);
    expect(Number.isFinite(track.loudness?.integratedLufs)).toBe(true);
    expect(track.loudness?.normalizationGainDb).toEqual(expect.any(Number));
    expect(await storedKeys(`tracks/${track.id}`)).toEqual(expect.arrayContaining(["original"]));
  });

  it("refuses a plain listener with 403 CREATOR_ROLE_REQUIRED and keeps nothing", async () => {
    const listener = await signIn(app, await buildUser(testDb.database));
    const before = await trackCount();
    const response = await uploadTrack(app, listener.headers, wav);
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("CREATOR_ROLE_REQUIRED");
    expect(await trackCount()).toBe(before);
  });

  it("refuses what is not audio with 415 UNSUPPORTED_MEDIA, leaving no row and no file", async () => {
    const before = { rows: await trackCount(), files: await storedKeys() };
    const response = await uploadTrack(app, creator.headers, await makeNotAudio(fixtures));
    expect(response.statusCode).toBe(415);
    expect(errorCode(response)).toBe("UNSUPPORTED_MEDIA");
    expect(await trackCount()).toBe(before.rows);
    expect(await storedKeys()).toEqual(before.files);
    // Each API process keeps its uploads under a folder of its own: nothing may be left in it.
    const uploads = await readdir(path.join(services.tracks.tmpDir, "uploads"), { recursive: true });
    expect(uploads.filter((entry) => entry.includes(path.sep))).toEqual([]);
  });

  it("refuses a file over the size limit with 413 FILE_TOO_LARGE and keeps nothing", async () => {
    const big = await makeWav(fixtures, { seconds: 40 }); // ~7 MB of PCM, over the 5 MB test limit
    const before = await trackCount();
    const response = await uploadTrack(app, creator.headers, big);
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe("FILE_TOO_LARGE");
    expect(await trackCount()).toBe(before);
    // Each API process keeps its uploads under a folder of its own: nothing may be left in it.
    const uploads = await readdir(path.join(services.tracks.tmpDir, "uploads"), { recursive: true });
    expect(uploads.filter((entry) => entry.includes(path.sep))).toEqual([]);
  });

  it("refuses an upload over the storage quota with 413 QUOTA_EXCEEDED", async () => {
    const tight = await buildTestServices(testDb.database, { STORAGE_QUOTA_BYTES: "1000" });
    const tightApp = await buildTestApp(testDb.database, { services: tight.services });
    try {
      const session = await signIn(tightApp, await buildUser(testDb.database, { role: "creator" }));
      const response = await uploadTrack(tightApp, session.headers, wav);
      expect(response.statusCode).toBe(413);
      expect(errorCode(response)).toBe("QUOTA_EXCEEDED");
    } finally {
      await tightApp.close();
    }
  });

  it("prefills title, artist, album, genre and year from tags and makes artwork from the embedded cover", async () => {
    const mp3 = await makeMp3WithCover(fixtures, {
      seconds: 2,
      title: "Nocturne",
      artist: "Ada",
      album: "Night Pieces",
      genre: "Classical",
      year: 2024,
    });
    const track = await uploadReady({}, mp3);
    expect(track).toMatchObject({
      title: "Nocturne",
      artist: "Ada",
      album: "Night Pieces",
      genre: "Classical",
      releaseDate: "2024-01-01",
    });
    const ready = (await app.inject({ url: `/api/v1/tracks/${track.id}` })).json().track;
    expect(ready.artworkUrl).toBe(`/api/v1/tracks/${track.id}/artwork/large`);
    const artwork = await app.inject({ url: ready.artworkUrl });
    expect(artwork.statusCode).toBe(200);
    expect(artwork.headers["content-type"]).toBe("image/jpeg");
  });

  it("ends a truncated file in failed with a reason, never stuck processing", async () => {
    // Its header still promises 4 seconds, so it is accepted, then fails when the audio runs out.
    const response = await uploadTrack(app, creator.headers, await makeTruncated(fixtures));
    expect(response.statusCode).toBe(201);
    const row = await waitForStatus(services.tracks, response.json().track.id, ["ready", "failed"]);
    expect(row.status).toBe("failed");
    expect(row.failure_reason).toBe("The audio data is corrupt or truncated");
  });
});

describe("streaming", () => {
  it("hands out a signed master playlist whose renditions and segments play, with ranges and long caching", async () => {
    const track = await uploadReady();
    const stream = await app.inject({ url: `/api/v1/tracks/${track.id}/stream` });
    expect(stream.statusCode).toBe(200);
    const { url } = stream.json();
    const masterPath = new URL(url).pathname;
    const master = await app.inject({ url: masterPath });
    expect(master.statusCode).toBe(200);
    expect(master.headers["content-type"]).toBe("application/vnd.apple.mpegurl");
    expect(master.body).toMatch(/#EXT-X-STREAM-INF:.*BANDWIDTH=\d+.*CODECS="mp4a\.40\.2"/);
    const renditionPath = master.body.split("\n").find((line) => line.endsWith(".m3u8")) as string;
    const base = masterPath.slice(0, masterPath.lastIndexOf("/") + 1);
    const rendition = await app.inject({ url: `${base}${renditionPath}` });
    expect(rendition.statusCode).toBe(200);
    const segment = rendition.body.split("\n").find((line) => line.endsWith(".m4s")) as string;
    const segmentUrl = `${base}${renditionPath.slice(0, renditionPath.lastIndexOf("/") + 1)}${segment}`;
    const whole = await app.inject({ url: segmentUrl });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers["cache-control"]).toMatch(/max-age=\d{4,}/);
    const ranged = await app.inject({ url: segmentUrl, headers: { range: "bytes=0-99" } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.rawPayload.length).toBe(100);
    expect(ranged.headers["content-range"]).toBe(`bytes 0-99/${whole.rawPayload.length}`);
  });

  it("refuses a tampered or expired signature with 403", async () => {
    const track = await uploadReady();
    const { url } = (await app.inject({ url: `/api/v1/tracks/${track.id}/stream` })).json();
    const [, , , signature, expires, ...rest] = new URL(url).pathname.split("/");
    const tampered = await app.inject({ url: `/media/${signature}x/${expires}/${rest.join("/")}` });
    expect(tampered.statusCode).toBe(403);
    const otherExpiry = await app.inject({ url: `/media/${signature}/${Number(expires) + 1}/${rest.join("/")}` });
    expect(otherExpiry.statusCode).toBe(403);

    const shortLived = await buildTestServices(testDb.database);
    shortLived.services.tracks.streamUrlTtlSeconds = -10;
    shortLived.services.tracks.mediaSigningSecret = services.tracks.mediaSigningSecret;
    const expiredApp = await buildTestApp(testDb.database, { services: shortLived.services });
    try {
      const expired = (await expiredApp.inject({ url: `/api/v1/tracks/${track.id}/stream` })).json();
      const response = await app.inject({ url: new URL(expired.url).pathname });
      expect(response.statusCode).toBe(403);
      expect(errorEnvelopeSchema.parse(response.json()).error.message).toMatch(/expired/);
    } finally {
      await expiredApp.close();
    }
  });

  it("keeps private tracks to their owner and admins, and unlisted ones out of lists", async () => {
    const privateTrack = await uploadReady({ visibility: "private" });
    const unlisted = await uploadReady({ visibility: "unlisted" });
    const stranger = await signIn(app, await buildUser(testDb.database));
    const admin = await signIn(app, await buildUser(testDb.database, { role: "admin" }));
    for (const headers of [{}, { cookie: stranger.cookie }]) {
      expect((await app.inject({ url: `/api/v1/tracks/${privateTrack.id}`, headers })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/v1/tracks/${privateTrack.id}/stream`, headers })).statusCode).toBe(404);
    }
    expect(
      (await app.inject({ url: `/api/v1/tracks/${privateTrack.id}/stream`, headers: { cookie: creator.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ url: `/api/v1/tracks/${privateTrack.id}`, headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: `/api/v1/tracks/${unlisted.id}/stream` })).statusCode).toBe(200);

    const publicIds = (await app.inject({ url: "/api/v1/tracks?limit=100" }))
      .json()
      .items.map((t: { id: string }) => t.id);
    expect(publicIds).not.toContain(privateTrack.id);
    expect(publicIds).not.toContain(unlisted.id);
    const mine = (
      await app.inject({ url: "/api/v1/users/me/tracks?limit=100", headers: { cookie: creator.cookie } })
    ).json();
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([privateTrack.id, unlisted.id]));
  });

  it("serves the original only when downloadable, or to its owner", async () => {
    const closed = await uploadReady({ downloadable: "false" });
    const open = await uploadReady({ downloadable: "true" });
    expect((await app.inject({ url: `/api/v1/tracks/${closed.id}/download` })).statusCode).toBe(403);
    expect(
      (await app.inject({ url: `/api/v1/tracks/${closed.id}/download`, headers: { cookie: creator.cookie } }))
        .statusCode,
    ).toBe(200);
    const download = await app.inject({ url: `/api/v1/tracks/${open.id}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toMatch(/attachment; filename=".+\.wav"/);
  });
});

describe("managing tracks", () => {
  it("lets the owner edit details (slug follows the title) and refuses others", async () => {
    const track = await uploadReady({ title: "Draft" });
    const edited = await app.inject({
      method: "PATCH",
      url: `/api/v1/tracks/${track.id}`,
      headers: creator.headers,
      payload: { title: "Final Cut", genre: "Ambient" },
    });
    expect(edited.json().track).toMatchObject({ title: "Final Cut", slug: "final-cut", genre: "Ambient" });
    const other = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
    const refused = await app.inject({
      method: "PATCH",
      url: `/api/v1/tracks/${track.id}`,
      headers: other.headers,
      payload: { title: "Mine now" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("deletes a track and then its media", async () => {
    const track = await uploadReady();
    expect((await storedKeys(`tracks/${track.id}`)).length).toBeGreaterThan(0);
    const deleted = await app.inject({ method: "DELETE", url: `/api/v1/tracks/${track.id}`, headers: creator.headers });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await app.inject({ url: `/api/v1/tracks/${track.id}`, headers: { cookie: creator.cookie } })).statusCode,
    ).toBe(404);
    await waitForEmpty(`tracks/${track.id}`);
  });

  it("lets the owner retry a failed track, which is processed again", async () => {
    const track = await uploadReady();
    await waitForProcessingIdle(services.tracks);
    // As if an earlier attempt had failed (a truncated file's failure is tested above).
    await markFailed(track.id);
    const retried = await app.inject({
      method: "POST",
      url: `/api/v1/tracks/${track.id}/retry`,
      headers: creator.headers,
    });
    expect(retried.statusCode).toBe(202);
    expect(retried.json().track).toMatchObject({ status: "uploaded", failureReason: null });
    expect((await waitForStatus(services.tracks, track.id, ["failed", "ready"])).status).toBe("ready");
    await waitForProcessingIdle(services.tracks);
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/tracks/${track.id}/retry`,
      headers: creator.headers,
    });
    expect(again.statusCode).toBe(409);
    const stranger = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
    await markFailed(track.id);
    const foreign = await app.inject({
      method: "POST",
      url: `/api/v1/tracks/${track.id}/retry`,
      headers: stranger.headers,
    });
    // A failed track is not visible to others at all.
    expect(foreign.statusCode).toBe(404);
  });
});

describe("odd input", () => {
  it("refuses an edited list cursor with 400, not 500", async () => {
    const user = await buildUser(testDb.database, { role: "creator" });
    for (const parts of [
      ["x", "y"],
      ["2020-01-01T00:00:00Z", "not-a-uuid"],
      ["garbage", "00000000-0000-0000-0000-000000000000"],
      [1, 2],
    ]) {
      const cursor = Buffer.from(JSON.stringify(parts)).toString("base64url");
      for (const url of ["/api/v1/tracks", "/api/v1/users/me/tracks", `/api/v1/users/${user.username}/tracks`]) {
        const response = await app.inject({ url: `${url}?cursor=${cursor}`, headers: { cookie: creator.cookie } });
        expect(response.statusCode, `${url} ${JSON.stringify(parts)}`).toBe(400);
        expect(errorCode(response)).toBe("VALIDATION_FAILED");
      }
    }
  });

  it("refuses a release date in year 0 with 400, on upload and on edit", async () => {
    const upload = await uploadTrack(app, creator.headers, wav, { releaseDate: "0000-01-01" });
    expect(upload.statusCode, upload.body).toBe(400);
    expect(errorCode(upload)).toBe("VALIDATION_FAILED");
    const track = await insertReadyTrack(testDb.database, creatorId, "Dated");
    const edit = await app.inject({
      method: "PATCH",
      url: `/api/v1/tracks/${track}`,
      headers: creator.headers,
      payload: { releaseDate: "0000-01-01" },
    });
    expect(edit.statusCode, edit.body).toBe(400);
    expect(errorCode(edit)).toBe("VALIDATION_FAILED");
  });

  it("gives two tracks uploaded at once under one title each their own slug", async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => uploadTrack(app, creator.headers, wav, { title: "Same Title" })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201]);
    const slugs = answers.map((answer) => answer.json().track.slug as string);
    expect(new Set(slugs).size).toBe(4);
    await waitForProcessingIdle(services.tracks);
  });
});

async function markFailed(id: string) {
  await testDb.database.primary
    .updateTable("tracks")
    .set({ status: "failed", progress: 0, failure_reason: "The audio data is corrupt or truncated" })
    .where("id", "=", id)
    .execute();
}

async function waitForEmpty(prefix: string) {
  await waitFor(
    async () => ((await storedKeys(prefix)).length === 0 ? true : undefined),
    60_000,
    `${prefix} to be emptied`,
  );
}
