import { auditPageSchema, auditQuerySchema, pageQuerySchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { listAuditEntries } from "./audit.repo.ts";

export function registerAuditRoutes(app: FastifyInstance, database: Database) {
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
