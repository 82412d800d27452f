import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { ModerationContext } from "./moderation.context.ts";
import { createReport, listReportQueue, resolveReport } from "./reports.service.ts";
import { restoreDirectly, takeDownDirectly } from "./takedowns.service.ts";

/** Each kind of content a moderator can take down, with its direct takedown and restore. */
const moderatedKinds = [
  { type: "track", takeDown: api.moderation.takeDownTrack, restore: api.moderation.restoreTrack },
  { type: "comment", takeDown: api.moderation.takeDownComment, restore: api.moderation.restoreComment },
  { type: "playlist", takeDown: api.moderation.takeDownPlaylist, restore: api.moderation.restorePlaylist },
] as const;

export function registerModerationRoutes(app: FastifyInstance, ctx: ModerationContext) {
  serve(app, api.moderation.report, async (request, reply) =>
    reply.status(201).send(await createReport(ctx, principalOf(request), request.body)),
  );

  serve(app, api.moderation.queue, async (request) => listReportQueue(ctx, request.query));

  serve(app, api.moderation.resolve, async (request) =>
    resolveReport(ctx, request.params.id, principalOf(request), request.body, requestMeta(request)),
  );

  for (const { type, takeDown, restore } of moderatedKinds) {
    serve(app, takeDown, async (request) =>
      takeDownDirectly(ctx, { type, id: request.params.id }, principalOf(request), request.body, requestMeta(request)),
    );

    serve(app, restore, async (request) =>
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
