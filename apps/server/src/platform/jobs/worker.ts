import { randomUUID } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { retryDelaySeconds } from "./backoff.ts";
import {
  buryAbandonedJobs,
  type ClaimableType,
  type ClaimedJob,
  claimNextJob,
  markFailed,
  markSucceeded,
  renewLease,
} from "./claims.ts";
import { enqueueDueCronJobs } from "./cron.ts";
import { JOBS_CHANNEL } from "./enqueue.ts";
import type { JobDefinition } from "./types.ts";

/** A failure no retry can mend (bad payload, missing row): the job goes straight to dead. */
export class PermanentJobError extends Error {}

export interface WorkerOptions {
  database: Database;
  /** The job types this worker runs, by name (a JobRegistry in production). */
  registry: Readonly<Record<string, JobDefinition>>;
  logger: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
  cronIntervalMs?: number;
}

const DEFAULT_LEASE_SECONDS = 60;
const DEFAULT_BACKOFF_SECONDS = 10;

export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly definitions: Map<string, JobDefinition>;
  private readonly running = new Map<string, { name: string; done: Promise<void>; abort: AbortController }>();
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly cronIntervalMs: number;
  private listener: pg.PoolClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastCronCheck = 0;
  private stopping = false;
  private ticking = false;
  private currentTick: Promise<void> = Promise.resolve();
  private tickAgain = false;

  constructor(private readonly options: WorkerOptions) {
    this.definitions = new Map(Object.values(options.registry).map((definition) => [definition.name, definition]));
    this.concurrency = options.concurrency ?? 4;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.cronIntervalMs = options.cronIntervalMs ?? 15_000;
  }

  /** Refuses to start when queued jobs name a job this build has no handler for. */
  async start(): Promise<void> {
    const names = [...this.definitions.keys()];
    const orphans = await this.options.database.primary
      .selectFrom("jobs")
      .select("name")
      .distinct()
      .where("state", "in", ["queued", "running"])
      .where("name", "not in", names)
      .execute();
    if (orphans.length > 0) {
      throw new Error(`Queued jobs have no handler: ${orphans.map((row) => row.name).join(", ")}`);
    }
    await this.listen();
    this.schedule(0);
    this.options.logger.info({ workerId: this.id, jobs: names }, "job worker started");
  }

  /** Stops claiming, gives running jobs `graceMs` to finish, then aborts them (their lease lapses). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    // A poll under way would otherwise reach for the database after the caller has closed it.
    await this.currentTick;
    const finished = Promise.all([...this.running.values()].map((run) => run.done));
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([finished, grace]);
    for (const run of this.running.values()) run.abort.abort(new Error("worker shutting down"));
    if (this.listener) {
      this.listener.release(true);
      this.listener = null;
    }
  }

  /** Resolves once no job is running (tests use it after enqueueing). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((run) => run.done));
  }

  private async listen() {
    try {
      const client = await this.options.database.pool.connect();
      client.on("notification", () => this.schedule(0));
      client.on("error", (error) => {
        this.options.logger.warn({ err: error }, "job notification connection lost; polling only");
        client.release(true);
        this.listener = null;
      });
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.options.logger.warn({ err: error }, "could not LISTEN for jobs; polling only");
    }
  }

  private schedule(delayMs: number) {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const running = this.ticking;
      const tick = this.tick();
      // A call during a poll only asks for another one: keep waiting for the poll itself.
      if (!running) this.currentTick = tick;
    }, delayMs);
  }

  private claimableTypes(): ClaimableType[] {
    const perType = new Map<string, number>();
    for (const run of this.running.values()) perType.set(run.name, (perType.get(run.name) ?? 0) + 1);
    return [...this.definitions.values()]
      .filter((definition) => (perType.get(definition.name) ?? 0) < (definition.concurrency ?? this.concurrency))
      .map((definition) => ({
        name: definition.name,
        leaseSeconds: definition.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
        maxAttempts: definition.maxAttempts,
        concurrencyPerKey: definition.concurrencyPerKey,
      }));
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    const db = this.options.database.primary;
    try {
      if (Date.now() - this.lastCronCheck >= this.cronIntervalMs) {
        this.lastCronCheck = Date.now();
        await enqueueDueCronJobs(db, [...this.definitions.values()]);
      }
      const everyType = this.claimableTypes();
      if (everyType.length > 0) await buryAbandonedJobs(db, everyType);
      while (!this.stopping && this.running.size < this.concurrency) {
        const types = this.claimableTypes();
        if (types.length === 0) break;
        const job = await claimNextJob(db, this.id, types);
        if (!job) break;
        this.launch(job);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, "job worker poll failed");
    } finally {
      this.ticking = false;
      if (this.tickAgain) {
        this.tickAgain = false;
        this.schedule(0);
      } else {
        this.schedule(this.pollIntervalMs);
      }
    }
  }

  private launch(job: ClaimedJob) {
    const abort = new AbortController();
    const done = this.execute(job, abort).finally(() => {
      this.running.delete(job.id);
      this.schedule(0);
    });
    this.running.set(job.id, { name: job.name, done, abort });
  }

  private async execute(job: ClaimedJob, abort: AbortController): Promise<void> {
    const definition = this.definitions.get(job.name) as JobDefinition;
    const db = this.options.database.primary;
    const logger = this.options.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const leaseSeconds = definition.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const timeout = setTimeout(
      () => abort.abort(new Error(`timed out after ${definition.timeoutSeconds} s`)),
      definition.timeoutSeconds * 1000,
    );
    const heartbeat = setInterval(
      () => {
        renewLease(db, job.id, this.id, leaseSeconds)
          .then((held) => held || abort.abort(new Error("lease lost to another worker")))
          .catch((error) => logger.warn({ err: error }, "could not renew job lease"));
      },
      (leaseSeconds * 1000) / 3,
    );
    const started = performance.now();
    try {
      const parsed = definition.payload.safeParse(job.payload);
      if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
      await untilAborted(
        definition.handle(parsed.data, { jobId: job.id, attempt: job.attempts, logger, signal: abort.signal }),
        abort.signal,
      );
      await markSucceeded(db, job.id, this.id);
      logger.info({ ms: Math.round(performance.now() - started) }, "job succeeded");
    } catch (error) {
      const maxAttempts = job.max_attempts ?? definition.maxAttempts;
      const final = error instanceof PermanentJobError || job.attempts >= maxAttempts;
      const retryIn = final
        ? null
        : retryDelaySeconds(job.attempts, definition.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS);
      await markFailed(db, job.id, this.id, describe(error), retryIn).catch((markError) =>
        logger.error({ err: markError }, "could not record job failure; its lease will lapse"),
      );
      logger[final ? "error" : "warn"](
        { err: error, retryInSeconds: retryIn },
        final ? "job dead" : "job failed; will retry",
      );
    } finally {
      clearTimeout(timeout);
      clearInterval(heartbeat);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Settles with the work, or rejects as soon as the signal aborts (a timeout, a shutdown). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
