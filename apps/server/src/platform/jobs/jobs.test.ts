import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { enqueueTestJob, testJob } from "../../../test/jobs.ts";
import { waitFor } from "../../../test/wait.ts";
import { enqueueDueCronJobs, JobWorker, latestOccurrence, PermanentJobError, retryDelaySeconds } from "./index.ts";
import type { JobDefinition } from "./types.ts";

let testDb: TestDatabase;
const workers: JobWorker[] = [];

beforeEach(async () => {
  testDb = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(100)));
  await testDb.drop();
});

function startWorker(...definitions: JobDefinition[]) {
  const worker = new JobWorker({
    database: testDb.database,
    registry: Object.fromEntries(definitions.map((definition) => [definition.name, definition])),
    logger: silentLogger,
    pollIntervalMs: 50,
  });
  workers.push(worker);
  return worker.start().then(() => worker);
}

const jobRow = (id: string) =>
  testDb.database.primary.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

const finishedRow = (id: string) =>
  waitFor(
    async () => {
      const row = await jobRow(id);
      return row.state === "succeeded" || row.state === "dead" ? row : undefined;
    },
    15_000,
    `job ${id} to finish`,
  );

describe("job queue", () => {
  it("runs a committed job with its payload", async () => {
    const seen: number[] = [];
    await startWorker(testJob("test.record", async ({ n }) => void seen.push(n)));
    const id = await enqueueTestJob(testDb.database.primary, "test.record", { n: 42 });
    expect((await finishedRow(id)).state).toBe("succeeded");
    expect(seen).toEqual([42]);
  });

  it("never runs a job enqueued in a transaction that rolled back", async () => {
    const seen: number[] = [];
    await startWorker(testJob("test.record", async ({ n }) => void seen.push(n)));
    await expect(
      testDb.database.primary.transaction().execute(async (trx) => {
        await enqueueTestJob(trx, "test.record", { n: 1 });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    // A later, committed job runs; by then the rolled-back one would have run too.
    const marker = await enqueueTestJob(testDb.database.primary, "test.record", { n: 2 });
    await finishedRow(marker);
    expect(seen).toEqual([2]);
    const rows = await testDb.database.primary.selectFrom("jobs").select("id").execute();
    expect(rows).toHaveLength(1);
  });

  it("retries a failing job with backoff, then declares it dead after its attempts", async () => {
    let calls = 0;
    await startWorker(
      testJob("test.flaky", async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      }),
    );
    const id = await enqueueTestJob(testDb.database.primary, "test.flaky", { n: 1 });
    const row = await finishedRow(id);
    expect(row).toMatchObject({ state: "dead", attempts: 3, last_error: "boom 3" });
    expect(calls).toBe(3);
  });

  it("schedules the retry of a failed attempt after the backoff delay", async () => {
    await startWorker(
      testJob("test.slowretry", async () => Promise.reject(new Error("not yet")), { backoffSeconds: 120 }),
    );
    const id = await enqueueTestJob(testDb.database.primary, "test.slowretry", { n: 1 });
    const row = await waitFor(async () => {
      const current = await jobRow(id);
      return current.attempts === 1 && current.state === "queued" ? current : undefined;
    });
    const delaySeconds = (new Date(row.run_at).getTime() - Date.now()) / 1000;
    expect(delaySeconds).toBeGreaterThan(100);
    expect(delaySeconds).toBeLessThanOrEqual(120);
    expect(row.last_error).toBe("not yet");
  });

  it("succeeds on a retry after a transient failure", async () => {
    let calls = 0;
    await startWorker(
      testJob("test.transient", async () => {
        calls += 1;
        if (calls === 1) throw new Error("transient");
      }),
    );
    const id = await enqueueTestJob(testDb.database.primary, "test.transient", { n: 1 });
    expect(await finishedRow(id)).toMatchObject({ state: "succeeded", attempts: 2 });
  });

  it("sends a job with an invalid payload or a permanent error straight to dead", async () => {
    await startWorker(
      testJob("test.permanent", async () => {
        throw new PermanentJobError("the track is gone");
      }),
    );
    const bad = await enqueueTestJob(testDb.database.primary, "test.permanent", { n: "not a number" });
    const permanent = await enqueueTestJob(testDb.database.primary, "test.permanent", { n: 1 });
    expect(await finishedRow(bad)).toMatchObject({ state: "dead", attempts: 1 });
    expect((await jobRow(bad)).last_error).toMatch(/invalid payload/);
    expect(await finishedRow(permanent)).toMatchObject({ state: "dead", attempts: 1, last_error: "the track is gone" });
  });

  it("aborts a job that runs past its timeout and counts it as a failure", async () => {
    let aborted = false;
    await startWorker(
      testJob(
        "test.hang",
        (_payload, { signal }) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener("abort", () => {
              aborted = true;
              reject(signal.reason);
            }),
          ),
        { timeoutSeconds: 0.2, maxAttempts: 1 },
      ),
    );
    const id = await enqueueTestJob(testDb.database.primary, "test.hang", { n: 1 });
    expect(await finishedRow(id)).toMatchObject({ state: "dead", last_error: "timed out after 0.2 s" });
    expect(aborted).toBe(true);
  });

  it("refuses to start when queued jobs name a job without a handler", async () => {
    await enqueueTestJob(testDb.database.primary, "ghost.job", { n: 1 });
    await expect(startWorker(testJob("test.record", async () => undefined))).rejects.toThrow(
      "Queued jobs have no handler: ghost.job",
    );
  });

  it("retries a job whose worker was killed mid-job (kill -9)", async () => {
    const id = await enqueueTestJob(testDb.database.primary, "test.stall", { n: 7 });
    const fixture = fileURLToPath(new URL("../../../test/fixtures/stalling-worker.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, testDb.url], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [chunk] = (await once(child.stdout, "data")) as [Buffer];
    expect(chunk.toString()).toContain("started");
    expect(await jobRow(id)).toMatchObject({ state: "running", attempts: 1 });

    child.kill("SIGKILL");
    await once(child, "exit");

    const ran: number[] = [];
    await startWorker(testJob("test.stall", async ({ n }) => void ran.push(n), { leaseSeconds: 1 }));
    expect(await finishedRow(id)).toMatchObject({ state: "succeeded", attempts: 2 });
    expect(ran).toEqual([7]);
  });

  it("declares dead a job whose worker vanished during its last attempt", async () => {
    const id = await enqueueTestJob(testDb.database.primary, "test.lost", { n: 1 }, { maxAttempts: 1 });
    await testDb.database.primary
      .updateTable("jobs")
      .set({ state: "running", attempts: 1, locked_by: "gone", locked_until: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    const ran: number[] = [];
    await startWorker(testJob("test.lost", async ({ n }) => void ran.push(n)));
    expect(await finishedRow(id)).toMatchObject({ state: "dead", last_error: "worker lost during the last attempt" });
    expect(ran).toEqual([]);
  });
});

describe("cron scheduling", () => {
  const nightly = testJob("test.nightly", async () => undefined, { cron: "0 3 * * *" });

  it("enqueues each occurrence exactly once, however many workers look", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const db = testDb.database.primary;
    const results = await Promise.all([1, 2, 3, 4].map(() => enqueueDueCronJobs(db, [nightly], now)));
    expect(results.flat()).toEqual(["test.nightly"]);
    expect(await enqueueDueCronJobs(db, [nightly], new Date("2026-11-25T23:00:00Z"))).toEqual([]);
    expect(await enqueueDueCronJobs(db, [nightly], new Date("2026-11-26T03:00:00Z"))).toEqual(["test.nightly"]);
    const jobs = await db.selectFrom("jobs").select("name").where("name", "=", "test.nightly").execute();
    expect(jobs).toHaveLength(2);
  });

  it("finds the latest occurrence of an expression in UTC", () => {
    expect(latestOccurrence("0 3 * * *", new Date("2026-11-25T10:00:00Z")).toISOString()).toBe(
      "2026-11-25T03:00:00.000Z",
    );
    expect(latestOccurrence("0 3 * * *", new Date("2026-11-25T03:00:00Z")).toISOString()).toBe(
      "2026-11-25T03:00:00.000Z",
    );
    expect(latestOccurrence("*/15 * * * *", new Date("2026-11-25T10:14:59Z")).toISOString()).toBe(
      "2026-11-25T10:00:00.000Z",
    );
  });
});

describe("retry delays", () => {
  it("doubles from the base and caps at an hour", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 10))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(30, 10)).toBe(3600);
  });
});
