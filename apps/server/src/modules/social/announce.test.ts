import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, buildTestServices, type TestAppContext } from "../../../test/app.ts";
import { createTestDatabase, silentLogger } from "../../../test/database.ts";
import { makeWav } from "../../../test/media.ts";
import { as, buildPerson, notificationsOf, ok, type Person } from "../../../test/social.ts";
import { uploadTrack, waitForStatus } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import { JobWorker } from "../../platform/jobs/index.ts";
import type { Services } from "../../services.ts";
import { tracksJobs } from "../tracks/tracks.jobs.ts";
import { socialJobs } from "./social.jobs.ts";

// The real path: an upload is processed by a worker, and turning ready enqueues the fan-out.
const t = {} as TestAppContext;
let services: Services;
let worker: JobWorker;

beforeAll(async () => {
  t.db = await createTestDatabase();
  services = (await buildTestServices(t.db.database)).services;
  t.app = await buildTestApp(t.db.database, { services });
  worker = new JobWorker({
    database: t.db.database,
    registry: { ...tracksJobs(services.tracks), ...socialJobs(services.social) },
    logger: silentLogger,
    pollIntervalMs: 50,
  });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop(100);
  await t.app?.close();
  await t.db?.drop();
});

describe("a new track reaching followers", () => {
  it("tells the creator's followers once the upload is processed", async () => {
    const creator = await buildPerson(t, { role: "creator" });
    const followers: Person[] = await Promise.all([buildPerson(t), buildPerson(t)]);
    for (const follower of followers) ok(await as(t.app, follower, "PUT", `/api/v1/users/${creator.username}/follow`));
    const wav = await makeWav(await mkdtemp(path.join(os.tmpdir(), "stave-social-")), { seconds: 2 });
    const upload = await uploadTrack(t.app, creator.session.headers, wav, { title: "Fresh Out" });
    expect(upload.statusCode, upload.body).toBe(201);
    const trackId: string = upload.json().track.id;

    expect((await waitForStatus(services.tracks, trackId, ["ready", "failed"])).status).toBe("ready");
    for (const follower of followers) {
      const told = await waitFor(async () => {
        const rows = await notificationsOf(t.db.database, follower.id, "new_track");
        return rows.length > 0 ? rows : undefined;
      }, 30_000);
      expect(told).toEqual([
        {
          kind: "new_track",
          actor_id: creator.id,
          subject_type: "track",
          subject_id: trackId,
          data: { title: "Fresh Out" },
        },
      ]);
    }
  });
});
