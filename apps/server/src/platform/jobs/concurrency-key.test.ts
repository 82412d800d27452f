import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { testJob } from "../../../test/jobs.ts";
import { waitFor } from "../../../test/wait.ts";
import { type ClaimableType, claimNextJob, markSucceeded } from "./claims.ts";
import { enqueue } from "./enqueue.ts";
import { JobWorker } from "./index.ts";
import type { Executor } from "./types.ts";

let testDb: TestDatabase;
const workers: JobWorker[] = [];

beforeEach(async () => {
  testDb = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(100)));
  await testDb.drop();
});

/** `enqueue` for a job type that exists only here, with a concurrency key. */
const enqueueKeyed = enqueue as unknown as (
  db: Executor,
  name: string,
  payload: unknown,
  options: { runAt?: Date; concurrencyKey?: string },
) => Promise<string>;

const keyed: ClaimableType = { name: "test.keyed", leaseSeconds: 30, maxAttempts: 3, concurrencyPerKey: 2 };

/** Jobs one second apart in the past, so their order is their run_at order. */
async function enqueueInOrder(jobs: { key: string }[]) {
  const ids: string[] = [];
  const start = Date.now() - 60_000;
  for (const [index, { key }] of jobs.entries()) {
    ids.push(
      await enqueueKeyed(
        testDb.database.primary,
        "test.keyed",
        { n: index },
        {
          runAt: new Date(start + index * 1000),
          concurrencyKey: key,
        },
      ),
    );
  }
  return ids;
}

describe("jobs limited per concurrency key", () => {
  it("runs at most the limit of one key at once, even when many workers claim together, and lets other keys by", async () => {
    const [a1, a2, a3, a4, b1] = await enqueueInOrder([
      { key: "owner:a" },
      { key: "owner:a" },
      { key: "owner:a" },
      { key: "owner:a" },
      { key: "owner:b" },
    ]);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimNextJob(testDb.database.primary, `worker-${index}`, [keyed])),
    );
    const claimed = claims.flatMap((job) => (job ? [job.id] : []));
    expect(claimed.sort()).toEqual([a1, a2, b1].sort());

    // One of a's ends: the next of a's, in order (a3, not a4), takes its place.
    const holder = claims.findIndex((job) => job?.id === a1);
    await markSucceeded(testDb.database.primary, a1 as string, `worker-${holder}`);
    expect((await claimNextJob(testDb.database.primary, "worker-late", [keyed]))?.id).toBe(a3);
    expect(await claimNextJob(testDb.database.primary, "worker-later", [keyed])).toBeUndefined();

    // The waiting job was not failed or pushed back: it is still queued, at its place.
    const waiting = await testDb.database.primary
      .selectFrom("jobs")
      .select(["state", "attempts"])
      .where("id", "=", a4 as string)
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ state: "queued", attempts: 0 });
  });

  it("does not count a crashed worker's job (lapsed lease) against its key", async () => {
    const [a1, a2, a3] = await enqueueInOrder([{ key: "owner:a" }, { key: "owner:a" }, { key: "owner:a" }]);
    await claimNextJob(testDb.database.primary, "worker-1", [keyed]);
    await claimNextJob(testDb.database.primary, "worker-2", [keyed]);
    await testDb.database.primary
      .updateTable("jobs")
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where("id", "in", [a1 as string, a2 as string])
      .execute();
    // Both lapsed: each is claimable again, oldest first, and so is the next one.
    const next = await Promise.all(
      [1, 2, 3].map((n) => claimNextJob(testDb.database.primary, `worker-${n}x`, [keyed])),
    );
    expect(next.map((job) => job?.id).filter(Boolean)).toEqual(expect.arrayContaining([a1, a2]));
    expect(next.map((job) => job?.id)).not.toContain(a3);
  });

  it("makes the other jobs of a key wait their turn, in order, across several workers", async () => {
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const definition = testJob(
      "test.keyed",
      async ({ n }) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        events.push(`start ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        running -= 1;
      },
      { concurrencyPerKey: 1 },
    );
    for (let index = 0; index < 3; index += 1) {
      const worker = new JobWorker({
        database: testDb.database,
        registry: { "test.keyed": definition },
        logger: silentLogger,
        pollIntervalMs: 20,
      });
      workers.push(worker);
      await worker.start();
    }
    await enqueueInOrder([{ key: "owner:a" }, { key: "owner:a" }, { key: "owner:a" }, { key: "owner:a" }]);
    await waitFor(async () => (events.length === 4 && running === 0 ? true : undefined), 15_000, "four jobs to run");
    expect(mostAtOnce).toBe(1);
    expect(events).toEqual(["start 0", "start 1", "start 2", "start 3"]);
  });
});

describe("claims of jobs without a key", () => {
  it("are not held up while a keyed claim holds its lock, and keep the oldest-first order", async () => {
    const mail: ClaimableType = { name: "test.mail", leaseSeconds: 30, maxAttempts: 3 };
    const [older] = await enqueueInOrder([{ key: "owner:a" }]);
    const mailId = await enqueueKeyed(testDb.database.primary, "test.mail", {}, { runAt: new Date(Date.now() - 1000) });

    // The oldest due job is claimed first, whichever kind it is.
    expect((await claimNextJob(testDb.database.primary, "worker-1", [keyed, mail]))?.id).toBe(older);

    // Another worker is in the middle of a keyed claim (it holds the keyed-claim lock) ...
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = testDb.database.primary.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('stave.jobs.claim.per-key'))`.execute(trx);
      locked();
      await released;
    });
    await holding;
    try {
      // ... and a worker handling mail as well as processing still gets its mail at once.
      const claim = claimNextJob(testDb.database.primary, "worker-2", [keyed, mail]);
      const timeout = new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 2000));
      expect(await Promise.race([claim.then((job) => job?.id), timeout])).toBe(mailId);
    } finally {
      release();
      await holder;
    }
  });
});
