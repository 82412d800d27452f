import { failedJobListSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import { listDeadJobs, requeueDeadJob } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import { recordAudit } from "../audit/audit.service.ts";

const RECENT_FAILURES = 100;

/** Failed background jobs (the queue calls them dead: out of attempts, or failed for good), and retrying one. */
export function registerAdminJobRoutes(app: FastifyInstance, deps: { database: Database; logger: Logger }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/admin/jobs/failed",
    {
      config: { access: ["admin"] },
      schema: { tags: ["admin"], summary: "The 100 most recently failed jobs", response: { 200: failedJobListSchema } },
    },
    // The primary: after a retry the admin expects the job gone from this list at once.
    async () => ({
      items: (await listDeadJobs(deps.database.primary, RECENT_FAILURES)).map((job) => ({
        id: job.id,
        name: job.name,
        attempts: job.attempts,
        lastError: job.last_error,
        failedAt: new Date(job.finished_at ?? job.updated_at).toISOString(),
      })),
    }),
  );

  routes.post(
    "/api/v1/admin/jobs/:id/retry",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["admin"],
        summary: "Run a failed job again, with a fresh set of attempts",
        params: z.object({ id: z.uuid() }),
        response: { 202: z.object({ id: z.uuid(), state: z.literal("queued") }) },
      },
    },
    async (request, reply) => {
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
    },
  );
}
