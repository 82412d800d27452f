import { Readable } from "node:stream";
import { auditPageSchema, auditQuerySchema, pageQuerySchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import type { Logger } from "../../platform/logger.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import { auditCsvLines } from "./audit.csv.ts";
import { listAuditEntries } from "./audit.repo.ts";
import { recordAudit } from "./audit.service.ts";

const exportQuerySchema = auditQuerySchema.omit({ limit: true, cursor: true });

export function registerAuditRoutes(app: FastifyInstance, deps: { database: Database; logger: Logger }) {
  const { database } = deps;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/admin/audit",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["admin"],
        summary: "The audit log, filtered",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => listAuditEntries(database.forRead(), request.query),
  );

  routes.get(
    "/api/v1/admin/audit.csv",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["admin"],
        summary: "The audit log, filtered as for the list, as a CSV download (streamed, newest first)",
        querystring: exportQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      // Taking a copy of the whole trail is itself worth a line in it.
      await recordAudit(database.primary, deps.logger, {
        actorId: principalOf(request).userId,
        action: "admin.audit_export",
        ...requestMeta(request),
        metadata: { filters: request.query },
      });
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-${day}.csv"`)
        .header("cache-control", "no-store")
        .send(Readable.from(auditCsvLines(database.forRead(), request.query)));
    },
  );

  routes.get(
    "/api/v1/users/me/security-events",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["me"],
        summary: "My recent security events",
        querystring: pageQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    // The primary: a user checking their events right after a change must see it.
    async (request) => listAuditEntries(database.primary, { ...request.query, actorId: principalOf(request).userId }),
  );
}
