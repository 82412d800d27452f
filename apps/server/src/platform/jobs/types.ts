import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../db/schema.ts";
import type { Logger } from "../logger.ts";

/**
 * The payload type of every job, by name. Each module that owns jobs adds its own with
 * `declare module`, so `enqueue` is typed and the registry must name a handler for each.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface JobPayloads {}

export type JobName = keyof JobPayloads & string;

export interface JobContext {
  jobId: string;
  attempt: number;
  logger: Logger;
  /** Aborted when the job exceeds its timeout or the worker shuts down. */
  signal: AbortSignal;
}

export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<void>;
  /** Attempts before the job is declared dead. */
  maxAttempts: number;
  /** Longest a run may take before it is aborted and counted as a failure. */
  timeoutSeconds: number;
  /**
   * How long a silent worker keeps its claim. A running worker renews it every third of
   * this; a killed one stops, and the job is claimable again once it lapses.
   */
  leaseSeconds?: number;
  /** How many of this job one worker process runs at once. */
  concurrency?: number;
  /**
   * How many jobs of this type that share a concurrency key (see `enqueue`) run at once across
   * every worker. Unset: no limit per key.
   */
  concurrencyPerKey?: number;
  /** First retry delay; each further retry doubles it (capped at an hour). */
  backoffSeconds?: number;
  /** A five-field cron expression (UTC): the worker enqueues it on that schedule. */
  cron?: string;
}

/** A registry names exactly one definition for every declared job. */
export type JobRegistry = { [N in JobName]: JobDefinition<JobPayloads[N]> };

export type Executor = Kysely<DB>;
