import { z } from "zod";
import { defineJob, type Executor, enqueue, type JobDefinition } from "../src/platform/jobs/index.ts";

/** `enqueue` without the compile-time job-name map, for job types that exist only in tests. */
export const enqueueTestJob = enqueue as unknown as (
  db: Executor,
  name: string,
  payload: unknown,
  options?: { runAt?: Date; maxAttempts?: number },
) => Promise<string>;

export function testJob(
  name: string,
  handle: JobDefinition<{ n: number }>["handle"],
  extra: Partial<JobDefinition<{ n: number }>> = {},
) {
  return defineJob({
    name,
    payload: z.object({ n: z.number() }),
    maxAttempts: 3,
    timeoutSeconds: 10,
    leaseSeconds: 30,
    backoffSeconds: 0,
    handle,
    ...extra,
  }) as JobDefinition;
}
