import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TrackStatusEvent } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { startTracksWorker, uploadTrack, waitForProcessingIdle, waitForStatus } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import type { JobWorker } from "../../platform/jobs/index.ts";
import type { Storage } from "../../platform/storage/index.ts";
import { buildServices, type Services } from "../../services.ts";
import { tracksJobs } from "./tracks.jobs.ts";

let testDb: TestDatabase;
let app: FastifyInstance;
let services: Services;
let worker: JobWorker;
let creator: SignedIn;
let wav: string;
let mediaRoot: string;
let failNextSegmentPut = false;

/** Storage that fails once, halfway through publishing a track's segments: a crash mid-publish. */
function flakyStorage(storage: Storage): Storage {
  let segmentsWritten = 0;
  return {
    ...storage,
    async put(key, body) {
      if (failNextSegmentPut && key.endsWith(".m4s") && ++segmentsWritten === 2) {
        failNextSegmentPut = false;
        body.resume();
        throw new Error("storage went away");
      }
      return storage.put(key, body);
    },
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { deps } = await buildTestServices(testDb.database);
  mediaRoot = path.join(deps.config.dataDir, "media");
  services = buildServices({ ...deps, storage: flakyStorage(deps.storage) });
  services.tracks.media = deps.media;
  app = await buildTestApp(testDb.database, { services });
  worker = await startTracksWorker(services.tracks);
  creator = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
  wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-fixtures-")), { seconds: 4 });
});
afterAll(async () => {
  await worker.stop(100);
  await app.close();
  await testDb.drop();
});

describe("processing", () => {
  it("retries after a failure mid-publish and ends with exactly one clean published version", async () => {
    failNextSegmentPut = true;
    const response = await uploadTrack(app, creator.headers, wav);
    const id = response.json().track.id;
    // Let the retry's backoff pass at once instead of waiting it out.
    const db = testDb.database.primary;
    await waitFor(async () => {
      const job = await db
        .selectFrom("jobs")
        .select(["state", "attempts"])
        .where("name", "=", "tracks.process")
        .executeTakeFirst();
      return job?.state === "queued" && job.attempts === 1 ? job : undefined;
    }, 120_000);
    await db.updateTable("jobs").set({ run_at: new Date() }).where("name", "=", "tracks.process").execute();
    const row = await waitForStatus(services.tracks, id, ["ready", "failed"]);
    expect(row.status).toBe("ready");
    expect(failNextSegmentPut).toBe(false);
    // The row turns ready just before the worker records the job's success.
    const job = await waitFor(async () => {
      const current = await db
        .selectFrom("jobs")
        .select(["attempts", "state"])
        .where("name", "=", "tracks.process")
        .executeTakeFirst();
      return current?.state === "running" ? undefined : current;
    }, 120_000);
    // At least one retry; on a loaded machine a lease can lapse and cost another attempt.
    expect(job?.state).toBe("succeeded");
    expect(job?.attempts).toBeGreaterThanOrEqual(2);
    const versions = await readdir(path.join(mediaRoot, "tracks", id, "hls"));
    expect(versions).toHaveLength(1);
    expect(row.hls_prefix).toBe(`tracks/${id}/hls/${versions[0]}/`);
  });

  it("reports live status over Server-Sent Events until the track is ready", async () => {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const response = await uploadTrack(app, creator.headers, wav);
    const id = response.json().track.id;
    const events = await fetch(`${address}/api/v1/tracks/${id}/events`, { headers: { cookie: creator.cookie } });
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    const received: TrackStatusEvent[] = [];
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (const block of buffer.split("\n\n").slice(0, -1)) {
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        if (data) received.push(JSON.parse(data.slice(6)));
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 2);
    }
    // The stream closed by itself, after the final state.
    expect(received.at(-1)).toEqual({ status: "ready", progress: 100, failureReason: null });
    const progress = received.filter((event) => event.status === "processing").map((event) => event.progress);
    expect(progress.length).toBeGreaterThan(0);
  });
});

describe("housekeeping", () => {
  it("marks a track failed when its processing job died with its worker", async () => {
    const db = testDb.database.primary;
    const response = await uploadTrack(app, creator.headers, wav);
    const id = response.json().track.id;
    await waitForStatus(services.tracks, id, ["ready"]);
    await waitForProcessingIdle(services.tracks);
    // As if the worker had died on the last attempt: processing, no live job, a while ago.
    await db
      .updateTable("tracks")
      .set({ status: "processing", updated_at: new Date(Date.now() - 10 * 60_000) })
      .where("id", "=", id)
      .execute();
    const reconcile = tracksJobs(services.tracks)["tracks.reconcile"];
    await reconcile.handle(
      {},
      { jobId: "test", attempt: 1, logger: silentLogger, signal: new AbortController().signal },
    );
    const row = await db
      .selectFrom("tracks")
      .select(["status", "failure_reason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: "failed",
      failure_reason: "Processing stopped unexpectedly. Retry it from My tracks.",
    });
    // The owner heard of both outcomes.
    const notifications = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("subject_id", "=", id)
      .orderBy("created_at")
      .execute();
    expect(notifications).toEqual([
      { kind: "track_ready", data: { title: expect.any(String) } },
      { kind: "track_failed", data: { title: expect.any(String), reason: row.failure_reason } },
    ]);
  });
});
