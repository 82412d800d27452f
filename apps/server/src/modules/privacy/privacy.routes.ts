import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf, SESSION_COOKIE } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { PrivacyContext } from "./privacy.context.ts";
import { deleteAccount, listExports, openExportDownload, requestExport } from "./privacy.service.ts";

export function registerPrivacyRoutes(app: FastifyInstance, ctx: PrivacyContext) {
  serve(app, api.privacy.requestExport, async (request, reply) => {
    const created = await requestExport(ctx, principalOf(request).userId, requestMeta(request));
    return reply.status(202).send({ export: created });
  });

  serve(app, api.privacy.exports, async (request) => listExports(ctx, principalOf(request).userId));

  serve(app, api.privacy.downloadExport, async (request, reply) => {
    const download = await openExportDownload(ctx, principalOf(request).userId, request.params.id);
    return reply
      .header("content-type", "application/zip")
      .header("content-length", String(download.size))
      .header("content-disposition", `attachment; filename="${download.filename}"`)
      .header("cache-control", "private, no-store")
      .send(download.stream);
  });

  serve(app, api.privacy.deleteAccount, async (request, reply) => {
    await deleteAccount(ctx, principalOf(request).userId, request.body, requestMeta(request));
    return reply.clearCookie(SESSION_COOKIE, { path: "/" }).status(204).send();
  });
}
