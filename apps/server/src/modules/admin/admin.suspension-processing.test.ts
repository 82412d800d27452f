import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { uploadTrack } from "../../../test/tracks.ts";
import type { Services } from "../../services.ts";
import { tracksJobs } from "../tracks/tracks.jobs.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let services: Services;
let admin: SignedIn;
let wav: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ services } = await buildTestServices(testDb.database));
  app = await buildTestApp(testDb.database, { services });
  admin = await signIn(app, await buildUser(testDb.database, { role: "admin" }));
  wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-fixtures-")), { seconds: 2 });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

/** The processing job, run here and now (a worker would run the same handler). */
async function processTrack(trackId: string) {
  const job = tracksJobs(services.tracks)["tracks.process"];
  await job.handle(
    { trackId },
    { jobId: "test", attempt: 1, logger: silentLogger, signal: new AbortController().signal },
  );
  return testDb.database.primary
    .selectFrom("tracks")
    .select(["status", "progress", "hls_prefix"])
    .where("id", "=", trackId)
    .executeTakeFirstOrThrow();
}

async function uploadAsNewCreator() {
  const user = await buildUser(testDb.database, { role: "creator" });
  const session = await signIn(app, user);
  const response = await uploadTrack(app, session.headers, wav, { title: "Fresh upload", visibility: "public" });
  expect(response.statusCode, response.body).toBe(201);
  return { user, trackId: response.json().track.id as string };
}

const adminPost = (url: string, payload?: object) =>
  app.inject({ method: "POST", url, headers: admin.headers, payload });

describe("a track finishing processing", () => {
  it("turns ready for an owner in good standing", async () => {
    const { trackId } = await uploadAsNewCreator();
    expect(await processTrack(trackId)).toMatchObject({ status: "ready", progress: 100 });
    expect((await app.inject({ url: `/api/v1/tracks/${trackId}` })).statusCode).toBe(200);
  });

  it("turns hidden, not ready, when its owner is suspended, and ready once the suspension is lifted", async () => {
    const { user, trackId } = await uploadAsNewCreator();
    expect((await adminPost(`/api/v1/admin/users/${user.id}/suspend`, { reason: "Spam" })).statusCode).toBe(200);

    const processed = await processTrack(trackId);
    expect(processed).toMatchObject({ status: "hidden", progress: 100 });
    expect((await app.inject({ url: `/api/v1/tracks/${trackId}` })).statusCode).toBe(404);

    // A retry of the job finds the work done: no second transcode, nothing republished.
    expect(await processTrack(trackId)).toEqual(processed);

    expect((await adminPost(`/api/v1/admin/users/${user.id}/unsuspend`)).statusCode).toBe(200);
    const shown = await app.inject({ url: `/api/v1/tracks/${trackId}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().track.status).toBe("ready");
  });

  it("turns hidden when a moderator took it down while it was processing", async () => {
    const { trackId } = await uploadAsNewCreator();
    await testDb.database.primary
      .updateTable("tracks")
      .set({ taken_down_at: sql<Date>`now()`, takedown_reason: "Not yours to upload", takedown_kind: "copyright" })
      .where("id", "=", trackId)
      .execute();
    expect(await processTrack(trackId)).toMatchObject({ status: "hidden", progress: 100 });
    const latest = await app.inject({ url: "/api/v1/tracks" });
    expect(latest.json().items.map((track: { id: string }) => track.id)).not.toContain(trackId);
  });
});
