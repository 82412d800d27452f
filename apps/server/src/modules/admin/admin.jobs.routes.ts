import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import { listDeadJobs, requeueDeadJob } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import { recordAudit } from "../audit/index.ts";

const RECENT_FAILURES = 100;

/** Failed background jobs (the queue calls them dead: out of attempts, or failed for good), and retrying one. */
export function registerAdminJobRoutes(app: FastifyInstance, deps: { database: Database; logger: Logger }) {
  // The primary: after a retry the admin expects the job gone from this list at once.
  serve(app, api.adminJobs.failed, async () => ({
    items: (await listDeadJobs(deps.database.primary, RECENT_FAILURES)).map((job) => ({
      id: job.id,
      name: job.name,
      attempts: job.attempts,
      lastError: job.last_error,
      failedAt: new Date(job.finished_at ?? job.updated_at).toISOString(),
    })),
  }));

  serve(app, api.adminJobs.retry, async (request, reply) => {
    const { id } = request.params;
    const requeued = await requeueDeadJob(deps.database.primary, id);
    if (requeued.outcome === "not_found") throw notFound("Job");
    if (requeued.outcome === "not_dead") throw new AppError("JOB_NOT_FAILED", "Only a failed job can be retried");
    await recordAudit(deps.database.primary, deps.logger, {
      actorId: principalOf(request).userId,
      action: "admin.job_retry",
      targetType: "job",
      targetId: id,
      ...requestMeta(request),
      metadata: { name: requeued.name },
    });
    return reply.status(202).send({ id, state: "queued" as const });
  });
}
