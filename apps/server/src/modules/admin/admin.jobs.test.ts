import { randomUUID } from "node:crypto";
import { failedJobListSchema } from "@stave/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { silentLogger } from "../../../test/database.ts";
import { enqueueTestJob, testJob } from "../../../test/jobs.ts";
import { waitFor } from "../../../test/wait.ts";
import { JobWorker } from "../../platform/jobs/index.ts";

const t = useTestApp();
let worker: JobWorker;
let admin: SignedIn;
let adminId: string;
/** The test job fails while its payload's number is in here. */
const failing = new Set<number>();
const runs: number[] = [];

beforeAll(async () => {
  const adminUser = await buildUser(t.db.database, { role: "admin" });
  adminId = adminUser.id;
  admin = await signIn(t.app, adminUser);
  const job = testJob(
    "test.sometimes_fails",
    async ({ n }) => {
      runs.push(n);
      if (failing.has(n)) throw new Error(`job ${n} cannot run yet`);
    },
    { maxAttempts: 1 },
  );
  worker = new JobWorker({
    database: t.db.database,
    registry: { [job.name]: job },
    logger: silentLogger,
    pollIntervalMs: 50,
  });
  await worker.start();
});
afterAll(async () => {
  await worker?.stop(100);
});

const jobState = (id: string) =>
  t.db.database.primary
    .selectFrom("jobs")
    .select(["state", "attempts", "last_error"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

const settled = (id: string, state: "dead" | "succeeded") =>
  waitFor(async () => ((await jobState(id)).state === state ? true : undefined), 15_000, `job ${id} to be ${state}`);

const failedJobs = async (session = admin) =>
  failedJobListSchema.parse(
    (await t.app.inject({ url: "/api/v1/admin/jobs/failed", headers: { cookie: session.cookie } })).json(),
  ).items;

const retry = (id: string, session = admin) =>
  t.app.inject({ method: "POST", url: `/api/v1/admin/jobs/${id}/retry`, headers: session.headers });

describe("failed jobs", () => {
  it("are listed, and a retried one runs again with fresh attempts, audited", async () => {
    failing.add(1);
    const id = await enqueueTestJob(t.db.database.primary, "test.sometimes_fails", { n: 1 });
    await settled(id, "dead");
    const listed = (await failedJobs()).find((job) => job.id === id);
    expect(listed).toEqual({
      id,
      name: "test.sometimes_fails",
      attempts: 1,
      lastError: "job 1 cannot run yet",
      failedAt: expect.any(String),
    });

    failing.delete(1);
    const response = await retry(id);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ id, state: "queued" });
    await settled(id, "succeeded");
    expect(runs.filter((n) => n === 1)).toHaveLength(2);
    expect((await jobState(id)).attempts).toBe(1);
    expect((await failedJobs()).some((job) => job.id === id)).toBe(false);

    const audit = await auditEntries(t.db.database, "admin.job_retry", { targetId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: adminId,
      target_type: "job",
      metadata: { name: "test.sometimes_fails" },
    });
  });

  it("only a failed job can be retried: 409 JOB_NOT_FAILED otherwise, 404 for none", async () => {
    const done = await enqueueTestJob(t.db.database.primary, "test.sometimes_fails", { n: 2 });
    await settled(done, "succeeded");
    const finished = await retry(done);
    expect(finished.statusCode).toBe(409);
    expect(errorCode(finished)).toBe("JOB_NOT_FAILED");

    // Not due for an hour: still queued when the retry is asked for.
    const later = await enqueueTestJob(
      t.db.database.primary,
      "test.sometimes_fails",
      { n: 3 },
      {
        runAt: new Date(Date.now() + 3_600_000),
      },
    );
    expect(errorCode(await retry(later))).toBe("JOB_NOT_FAILED");
    expect((await jobState(later)).state).toBe("queued");

    expect((await retry(randomUUID())).statusCode).toBe(404);
    expect(runs.filter((n) => n === 2)).toHaveLength(1);
  });

  it("are for admins only", async () => {
    failing.add(4);
    const id = await enqueueTestJob(t.db.database.primary, "test.sometimes_fails", { n: 4 });
    await settled(id, "dead");
    for (const role of ["user", "creator", "moderator"] as const) {
      const session = await signIn(t.app, await buildUser(t.db.database, { role }));
      const list = await t.app.inject({ url: "/api/v1/admin/jobs/failed", headers: { cookie: session.cookie } });
      expect(list.statusCode).toBe(403);
      expect((await retry(id, session)).statusCode).toBe(403);
    }
    expect((await jobState(id)).state).toBe("dead");
  });

  it("are not retried by anyone else under an escaped spelling of the URL: refused before the handler runs", async () => {
    failing.add(5);
    const id = await enqueueTestJob(t.db.database.primary, "test.sometimes_fails", { n: 5 });
    await settled(id, "dead");
    const listener = await signIn(t.app, await buildUser(t.db.database));
    for (const url of [`/%61pi/v1/admin/jobs/${id}/retry`, `/api/v1/%61dmin/jobs/${id}/retry`]) {
      const anonymous = await t.app.inject({ method: "POST", url });
      expect(anonymous.statusCode).toBe(401);
      const signedIn = await t.app.inject({ method: "POST", url, headers: listener.headers });
      expect(signedIn.statusCode).toBe(403);
    }
    expect((await jobState(id)).state).toBe("dead");
    expect(runs.filter((n) => n === 5)).toHaveLength(1);
  });
});
