import { Readable } from "node:stream";
import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { Logger } from "../../platform/logger.ts";
import { auditCsvLines } from "./audit.csv.ts";
import { listAuditEntries } from "./audit.repo.ts";
import { recordAudit } from "./audit.service.ts";

export function registerAuditRoutes(app: FastifyInstance, deps: { database: Database; logger: Logger }) {
  const { database } = deps;

  serve(app, api.audit.list, async (request) => listAuditEntries(database.forRead(), request.query));

  serve(app, api.audit.exportCsv, async (request, reply) => {
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
  });

  // The primary: a user checking their events right after a change must see it.
  serve(app, api.audit.mySecurityEvents, async (request) =>
    listAuditEntries(database.primary, { ...request.query, actorId: principalOf(request).userId }),
  );
}
