import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices, errorCode } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { makeImage, makeWav } from "../../../test/media.ts";
import { startTracksWorker, uploadTrack, waitForStatus } from "../../../test/tracks.ts";
import type { JobWorker } from "../../platform/jobs/index.ts";
import { resolveFfmpeg } from "../../platform/media/index.ts";
import type { Services } from "../../services.ts";
import { processingConcurrencyKey } from "./resource-limits.ts";
import { cleanTemporaryFiles } from "./tmp-cleanup.ts";

/**
 * The limits one creator meets, set low so that seconds-long files cross them: tracks of at most
 * 5 s, artwork of at most 1 MP, a 10 MB quota, one track processing at a time.
 */
const limits = {
  MAX_TRACK_DURATION_SECONDS: "5",
  ARTWORK_MAX_PIXELS: "1000000",
  STORAGE_QUOTA_BYTES: String(10 * 1024 * 1024),
  MAX_PROCESSING_PER_USER: "1",
};

let testDb: TestDatabase;
let app: FastifyInstance;
/** The same instance with the old, longer duration limit: uploads what the strict one now refuses. */
let lenientApp: FastifyInstance;
let services: Services;
let worker: JobWorker;
let creator: SignedIn;
let creatorId: string;
let fixtures: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-limits-"));
  const built = await buildTestServices(testDb.database, { ...limits, DATA_DIR: dataDir });
  services = built.services;
  app = await buildTestApp(testDb.database, { services });
  lenientApp = await buildTestApp(testDb.database, {
    env: { ...limits, DATA_DIR: dataDir, MAX_TRACK_DURATION_SECONDS: "60" },
  });
  worker = await startTracksWorker(services.tracks);
  const user = await buildUser(testDb.database, { role: "creator" });
  creatorId = user.id;
  creator = await signIn(app, user);
  fixtures = await mkdtemp(path.join(os.tmpdir(), "stave-limits-fixtures-"));
});
afterAll(async () => {
  await worker?.stop(100);
  await app?.close();
  await lenientApp?.close();
  await testDb?.drop();
});

const tracksOf = (ownerId: string) =>
  testDb.database.primary.selectFrom("tracks").selectAll().where("owner_id", "=", ownerId).execute();

/** An MP3 whose embedded front cover is `width` × `height` pixels. */
async function mp3WithCover(width: number, height: number) {
  const file = path.join(fixtures, `cover-${width}x${height}.mp3`);
  await promisify(execFile)(resolveFfmpeg().ffmpeg, [
    ...["-hide_banner", "-nostdin", "-v", "error"],
    ...["-f", "lavfi", "-i", "aevalsrc=0.1*sin(2*PI*440*t)|0.1*sin(2*PI*440*t):s=44100:d=2"],
    ...["-f", "lavfi", "-i", `color=c=red:size=${width}x${height}:rate=1:duration=1`, "-frames:v", "1"],
    ...["-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-b:a", "128k", "-c:v", "mjpeg"],
    ...["-disposition:v", "attached_pic", "-id3v2_version", "3", "-y", file],
  ]);
  return file;
}

describe("resource limits for creators", () => {
  it("refuses at upload a track longer than the limit, saying how long it is and what the limit is", async () => {
    const userId = creatorId;
    const response = await uploadTrack(app, creator.headers, await makeWav(fixtures, { seconds: 10 }));
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe("UNPROCESSABLE");
    expect(response.json().error.message).toBe("The track is 10 s long; tracks may be at most 5 seconds");
    expect(response.json().error.details).toEqual({ durationSeconds: 10, maxDurationSeconds: 5 });
    expect(await tracksOf(userId)).toHaveLength(0);
  });

  it("fails processing, once and with the reason, a track longer than the limit that got past the upload", async () => {
    const response = await uploadTrack(lenientApp, creator.headers, await makeWav(fixtures, { seconds: 10 }));
    expect(response.statusCode).toBe(201);
    const trackId = response.json().track.id;
    const failed = await waitForStatus(services.tracks, trackId, ["failed", "ready"]);
    expect(failed).toMatchObject({
      status: "failed",
      failure_reason: "The track is 10 s long; tracks may be at most 5 seconds",
    });
    // No retry loop: the job is dead after its first attempt.
    const jobs = await testDb.database.primary
      .selectFrom("jobs")
      .select(["state", "attempts"])
      .where("name", "=", "tracks.process")
      .where(({ ref }) => ref("payload", "->>").key("trackId" as never), "=", trackId)
      .execute();
    expect(jobs).toEqual([{ state: "dead", attempts: 1 }]);
  });

  it("refuses uploaded artwork past the pixel limit from its header, before decoding it", async () => {
    const userId = creatorId;
    const before = (await tracksOf(userId)).length;
    const artwork = await makeImage(fixtures, { width: 2000, height: 2000 });
    const response = await uploadTrack(app, creator.headers, await makeWav(fixtures, { seconds: 2 }), {}, [
      { field: "artwork", file: artwork },
    ]);
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe("UNPROCESSABLE");
    expect(response.json().error.message).toMatch(/^The image is 2000 × 2000 pixels; the limit is 1 megapixels/);
    expect(await tracksOf(userId)).toHaveLength(before);
  });

  it("ignores an embedded cover past the pixel limit: the track is ready, without artwork", async () => {
    const response = await uploadTrack(app, creator.headers, await mp3WithCover(1500, 1000));
    expect(response.statusCode).toBe(201);
    const ready = await waitForStatus(services.tracks, response.json().track.id, ["ready", "failed"]);
    expect(ready).toMatchObject({ status: "ready", artwork_prefix: null });

    const small = await uploadTrack(app, creator.headers, await mp3WithCover(800, 800));
    const withCover = await waitForStatus(services.tracks, small.json().track.id, ["ready", "failed"]);
    expect(withCover.status).toBe("ready");
    expect(withCover.artwork_prefix).not.toBeNull();
  });

  it("queues each upload's processing under its owner's key, so one creator's tracks take turns", async () => {
    const response = await uploadTrack(lenientApp, creator.headers, await makeWav(fixtures, { seconds: 1 }));
    const trackId = response.json().track.id;
    const job = await testDb.database.primary
      .selectFrom("jobs")
      .select("concurrency_key")
      .where("name", "=", "tracks.process")
      .where(({ ref }) => ref("payload", "->>").key("trackId" as never), "=", trackId)
      .executeTakeFirstOrThrow();
    expect(job.concurrency_key).toBe(processingConcurrencyKey(creatorId));
    await waitForStatus(services.tracks, trackId, ["ready", "failed"]);
  });

  it("rate limits retries of a failed track", async () => {
    const response = await uploadTrack(lenientApp, creator.headers, await makeWav(fixtures, { seconds: 10 }));
    const trackId = response.json().track.id;
    const retry = () =>
      app.inject({ method: "POST", url: `/api/v1/tracks/${trackId}/retry`, headers: creator.headers });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await waitForStatus(services.tracks, trackId, ["failed"]);
      expect((await retry()).statusCode).toBe(202);
    }
    await waitForStatus(services.tracks, trackId, ["failed"]);
    const refused = await retry();
    expect(refused.statusCode).toBe(429);
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("resumable uploads in flight count against the quota", () => {
  const tus = { "tus-resumable": "1.0.0" };
  const create = (session: SignedIn, bytes: number) =>
    app.inject({
      method: "POST",
      url: "/api/v1/uploads",
      headers: {
        ...tus,
        ...session.headers,
        "upload-length": String(bytes),
        "upload-metadata": `filename ${Buffer.from("big.wav").toString("base64")}`,
      },
    });

  it("refuses the parallel upload that would go over, and frees the room of a cancelled one", async () => {
    const uploader = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
    const threeMegabytes = 3 * 1024 * 1024;
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(uploader, threeMegabytes)));
    const accepted = answers.filter((answer) => answer.statusCode === 201);
    const refused = answers.filter((answer) => answer.statusCode !== 201);
    expect(accepted).toHaveLength(3);
    expect(refused.map((answer) => [answer.statusCode, errorCode(answer)])).toEqual([
      [413, "QUOTA_EXCEEDED"],
      [413, "QUOTA_EXCEEDED"],
      [413, "QUOTA_EXCEEDED"],
    ]);

    // A multipart upload cannot take the room the resumable ones hold either.
    const multipart = await uploadTrack(app, uploader.headers, await makeWav(fixtures, { seconds: 20 }));
    expect([multipart.statusCode, errorCode(multipart)]).toEqual([413, "QUOTA_EXCEEDED"]);

    const location = new URL(accepted[0]?.headers.location as string).pathname;
    const cancelled = await app.inject({ method: "DELETE", url: location, headers: { ...tus, ...uploader.headers } });
    expect(cancelled.statusCode).toBe(204);
    expect((await create(uploader, threeMegabytes)).statusCode).toBe(201);
    expect((await create(uploader, threeMegabytes)).statusCode).toBe(413);

    // One is abandoned: once its file is gone (the clean-up removes a day-old one), so is its reservation.
    const abandoned = path.basename(new URL(accepted[1]?.headers.location as string).pathname);
    await rm(path.join(services.tracks.tmpDir, "tus", abandoned), { force: true });
    await testDb.database.primary
      .updateTable("upload_reservations")
      .set({ created_at: new Date(Date.now() - 2 * 3600_000) })
      .where("upload_id", "=", abandoned)
      .execute();
    await cleanTemporaryFiles(services.tracks, silentLogger);
    expect((await create(uploader, threeMegabytes)).statusCode).toBe(201);
  });
});
