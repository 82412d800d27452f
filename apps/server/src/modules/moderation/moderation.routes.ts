import {
  createdReportSchema,
  createReportRequestSchema,
  moderationReportSchema,
  reportPageSchema,
  reportQuerySchema,
  resolveReportRequestSchema,
  restoreRequestSchema,
  takedownRequestSchema,
  takedownStateSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import type { ModerationContext } from "./moderation.context.ts";
import { createReport, listReportQueue, resolveReport } from "./reports.service.ts";
import { type ModeratedType, restoreDirectly, takeDownDirectly } from "./takedowns.service.ts";

const tags = ["moderation"];
const moderators = ["moderator", "admin"] as const;
const idParams = z.object({ id: z.uuid() });

/** The URL segment of each kind of content a moderator can take down. */
const moderatedPaths: Record<string, ModeratedType> = { tracks: "track", comments: "comment", playlists: "playlist" };

export function registerModerationRoutes(app: FastifyInstance, ctx: ModerationContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/reports",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Report a track, comment, playlist or user to the moderators",
        description:
          "403 `EMAIL_NOT_VERIFIED` until the caller's email address is verified, 404 if the caller cannot see it, 422 `CANNOT_REPORT_OWN` for their own, 409 `ALREADY_REPORTED` while " +
          "their earlier report on it is open, 429 `RATE_LIMITED` past 10 reports an hour.",
        body: createReportRequestSchema,
        response: { 201: createdReportSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createReport(ctx, principalOf(request), request.body)),
  );

  routes.get(
    "/api/v1/admin/reports",
    {
      config: { access: moderators },
      schema: {
        tags,
        summary: "The moderation queue: open reports oldest first, closed ones newest first",
        querystring: reportQuerySchema,
        response: { 200: reportPageSchema },
      },
    },
    async (request) => listReportQueue(ctx, request.query),
  );

  routes.post(
    "/api/v1/admin/reports/:id/resolve",
    {
      config: { access: moderators },
      schema: {
        tags,
        summary: "Close a report, and every open report on the same subject, with an action",
        description:
          "`take_down` and `restore` change the content (not an account: 422, suspension is an admin's); " +
          "409 `REPORT_ALREADY_CLOSED` if it is not open. Reporters and the owner are notified.",
        params: idParams,
        body: resolveReportRequestSchema,
        response: { 200: moderationReportSchema },
      },
    },
    async (request) => resolveReport(ctx, request.params.id, principalOf(request), request.body, requestMeta(request)),
  );

  for (const [segment, type] of Object.entries(moderatedPaths)) {
    routes.post(
      `/api/v1/admin/${segment}/:id/takedown`,
      {
        config: { access: moderators },
        schema: {
          tags,
          summary: `Take a ${type} down: hidden from everyone but its owner, who sees the reason`,
          description:
            "404 when it does not exist, or when a moderator may not open it and nobody reported it " +
            "(a private one): a report entitles staff to its subject whatever its visibility now.",
          params: idParams,
          body: takedownRequestSchema,
          response: { 200: takedownStateSchema },
        },
      },
      async (request) =>
        takeDownDirectly(
          ctx,
          { type, id: request.params.id },
          principalOf(request),
          request.body,
          requestMeta(request),
        ),
    );

    routes.post(
      `/api/v1/admin/${segment}/:id/restore`,
      {
        config: { access: moderators },
        schema: {
          tags,
          summary: `Lift a ${type}'s takedown`,
          description: "404 as for a takedown; what is taken down may always be restored.",
          params: idParams,
          body: restoreRequestSchema,
          response: { 200: takedownStateSchema },
        },
      },
      async (request) =>
        restoreDirectly(
          ctx,
          { type, id: request.params.id },
          principalOf(request),
          request.body.reason,
          requestMeta(request),
        ),
    );
  }
}
