import { z } from "zod";
import { failedJobListSchema } from "../admin.ts";
import { operation } from "../operation.ts";

const admins = ["admin"] as const;

/** Failed background jobs (the queue calls them dead: out of attempts, or failed for good). */
export const adminJobsOperations = {
  failed: operation({
    method: "GET",
    path: "/api/v1/admin/jobs/failed",
    summary: "The 100 most recently failed jobs",
    tags: ["admin"],
    access: admins,
    response: { 200: failedJobListSchema },
    errors: ["FORBIDDEN"],
  }),
  retry: operation({
    method: "POST",
    path: "/api/v1/admin/jobs/:id/retry",
    summary: "Run a failed job again, with a fresh set of attempts",
    tags: ["admin"],
    access: admins,
    params: z.object({ id: z.uuid() }),
    response: { 202: z.object({ id: z.uuid(), state: z.literal("queued") }) },
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "JOB_NOT_FAILED"],
  }),
};
