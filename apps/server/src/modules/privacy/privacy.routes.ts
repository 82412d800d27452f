import { dataExportListSchema, dataExportResponseSchema, deleteAccountRequestSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, SESSION_COOKIE } from "../../platform/http/access.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import type { PrivacyContext } from "./privacy.context.ts";
import { deleteAccount, listExports, openExportDownload, requestExport } from "./privacy.service.ts";

const tags = ["privacy"];

export function registerPrivacyRoutes(app: FastifyInstance, ctx: PrivacyContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/me/export",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Request a ZIP of all my data (3 a day); it is built in the background and mailed when ready",
        response: { 202: dataExportResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await requestExport(ctx, principalOf(request).userId, requestMeta(request));
      return reply.status(202).send({ export: created });
    },
  );

  routes.get(
    "/api/v1/me/exports",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "My data exports, newest first", response: { 200: dataExportListSchema } },
    },
    async (request) => listExports(ctx, principalOf(request).userId),
  );

  routes.get(
    "/api/v1/me/exports/:id/download",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Download a ready export (its owner only)", params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const download = await openExportDownload(ctx, principalOf(request).userId, request.params.id);
      return reply
        .header("content-type", "application/zip")
        .header("content-length", String(download.size))
        .header("content-disposition", `attachment; filename="${download.filename}"`)
        .header("cache-control", "private, no-store")
        .send(download.stream);
    },
  );

  routes.delete(
    "/api/v1/users/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Delete my account: signed out everywhere at once, personal data erased, private tracks deleted " +
          "(public ones too unless keepPublicTracks); the rest is purged after 30 days",
        body: deleteAccountRequestSchema,
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, principalOf(request).userId, request.body, requestMeta(request));
      return reply.clearCookie(SESSION_COOKIE, { path: "/" }).status(204).send();
    },
  );
}
