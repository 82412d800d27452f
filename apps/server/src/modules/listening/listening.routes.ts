import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { clearMyHistory, getHistory, removeHistoryEntry } from "./history.service.ts";
import { listenerOf } from "./listener.ts";
import type { ListeningContext } from "./listening.context.ts";
import { reportProgress, startPlay } from "./plays.service.ts";
import { creatorStats, trackStats } from "./stats.service.ts";

export function registerListeningRoutes(app: FastifyInstance, ctx: ListeningContext) {
  serve(app, api.listening.startPlay, async (request, reply) =>
    reply
      .status(201)
      .send(await startPlay(ctx, request.params.id, request.principal, listenerOf(ctx.secrets, request))),
  );

  serve(app, api.listening.reportProgress, async (request) =>
    reportProgress(ctx, request.params.playId, listenerOf(ctx.secrets, request), request.body.listenedMs),
  );

  serve(app, api.listening.history, async (request) => getHistory(ctx.database, principalOf(request), request.query));

  serve(app, api.listening.removeHistoryEntry, async (request, reply) => {
    await removeHistoryEntry(ctx.database, principalOf(request).userId, request.params.entryId);
    return reply.status(204).send();
  });

  serve(app, api.listening.clearHistory, async (request, reply) => {
    await clearMyHistory(ctx.database, principalOf(request).userId);
    return reply.status(204).send();
  });

  serve(app, api.listening.creatorStats, async (request) =>
    creatorStats(ctx.database, principalOf(request).userId, request.query.days),
  );

  serve(app, api.listening.trackStats, async (request) =>
    trackStats(ctx.database, principalOf(request).userId, request.params.id, request.query.days),
  );
}
