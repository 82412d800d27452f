export { retryDelaySeconds } from "./backoff.ts";
export { enqueueDueCronJobs, latestOccurrence } from "./cron.ts";
export { type EnqueueOptions, enqueue } from "./enqueue.ts";
export {
  countJobsByState,
  listDeadJobs,
  liveJobAttempts,
  noLiveJobFor,
  type RequeueOutcome,
  requeueDeadJob,
} from "./operations.ts";
export type { Executor, JobContext, JobDefinition, JobName, JobPayloads, JobRegistry } from "./types.ts";
export { JobWorker, PermanentJobError, type WorkerOptions } from "./worker.ts";

import type { JobDefinition } from "./types.ts";

/** Declares a job type; the payload type comes from its schema. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
