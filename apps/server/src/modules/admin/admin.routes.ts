import { roleChangeRequestSchema, roleChangeResponseSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { notFound } from "../../platform/http/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { setUserRole } from "./admin.repo.ts";

export function registerAdminRoutes(app: FastifyInstance, deps: { database: Database; logger: Logger }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.put(
    "/api/v1/admin/users/:id/role",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["admin"],
        summary: "Set a user's role",
        params: z.object({ id: z.uuid() }),
        body: roleChangeRequestSchema,
        response: { 200: roleChangeResponseSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const changed = await setUserRole(deps.database.primary, id, request.body.role);
      if (!changed) throw notFound("User");
      await recordAudit(deps.database.primary, deps.logger, {
        actorId: principalOf(request).userId,
        action: "admin.role_change",
        targetType: "user",
        targetId: id,
        ...requestMeta(request),
        metadata: { from: changed.previousRole, to: request.body.role },
      });
      return { id, role: request.body.role, previousRole: changed.previousRole };
    },
  );
}
