import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import type { JobWorker } from "../src/platform/jobs/index.ts";
import { buildServices, type Services } from "../src/services.ts";
import { buildTestApp, buildTestServices } from "./app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { everyMediaStatus, type MediaUrls, mediaStatuses } from "./media-urls.ts";
import { startTracksWorker, uploadTrack, waitForStatus } from "./tracks.ts";

/**
 * Two API processes over one database and one media store, as behind a load balancer (the
 * first shares its services with the worker that processes uploads; the second has its own,
 * so it hears of a change only by NOTIFY).
 */
export interface MediaProcesses {
  testDb: TestDatabase;
  services: Services;
  first: FastifyInstance;
  second: FastifyInstance;
  worker: JobWorker;
  /** The status each process answers for each URL (see `mediaStatuses`). */
  statuses(urls: MediaUrls): Promise<Record<string, number>>;
  /** `status` for every URL in both processes, as `statuses` keys them. */
  all(status: number): Record<string, number>;
  /** Uploads `file` through the first process and waits until the worker has made it ready; its id. */
  uploadReady(headers: Record<string, string>, file: string, fields: Record<string, string>): Promise<string>;
  /** Where the track's HLS files are now (a takedown or a revocation moves them). */
  hlsPrefix(trackId: string): Promise<string | null>;
}

/**
 * A test file's media processes, started before its tests and stopped after them. Read the
 * fields inside tests (they exist once `beforeAll` has run).
 */
export function useMediaProcesses(): MediaProcesses {
  const processes = {
    statuses: (urls: MediaUrls) => mediaStatuses({ first: processes.first, second: processes.second }, urls),
    all: (status: number) => everyMediaStatus(["first", "second"], status),
    async uploadReady(headers: Record<string, string>, file: string, fields: Record<string, string>) {
      const upload = await uploadTrack(processes.first, headers, file, fields);
      expect(upload.statusCode, upload.body).toBe(201);
      const trackId = upload.json().track.id as string;
      expect((await waitForStatus(processes.services.tracks, trackId, ["ready", "failed"])).status).toBe("ready");
      return trackId;
    },
    async hlsPrefix(trackId: string) {
      const track = await processes.testDb.database.primary
        .selectFrom("tracks")
        .select("hls_prefix")
        .where("id", "=", trackId)
        .executeTakeFirstOrThrow();
      return track.hls_prefix;
    },
  } as MediaProcesses;
  beforeAll(async () => {
    processes.testDb = await createTestDatabase();
    const built = await buildTestServices(processes.testDb.database);
    processes.services = built.services;
    processes.first = await buildTestApp(processes.testDb.database, { services: built.services });
    processes.second = await buildTestApp(processes.testDb.database, { services: buildServices(built.deps) });
    processes.worker = await startTracksWorker(built.services.tracks);
  });
  afterAll(async () => {
    await processes.worker?.stop(100);
    await processes.second?.close();
    await processes.first?.close();
    await processes.testDb?.drop();
  });
  return processes;
}
