import {
  creatorStatsSchema,
  historyPageSchema,
  pageQuerySchema,
  playProgressRequestSchema,
  playProgressSchema,
  playStartedSchema,
  statsQuerySchema,
  trackStatsSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { clearMyHistory, getHistory, removeHistoryEntry } from "./history.service.ts";
import { listenerOf } from "./listener.ts";
import type { ListeningContext } from "./listening.context.ts";
import { reportProgress, startPlay } from "./plays.service.ts";
import { creatorStats, trackStats } from "./stats.service.ts";

const tags = ["listening"];

export function registerListeningRoutes(app: FastifyInstance, ctx: ListeningContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/tracks/:id/plays",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Start a play: the player calls this when listening starts",
        description:
          "Anyone who may view the track may play it, signed in or not (404 otherwise; 409 TRACK_NOT_READY while " +
          "it is processing). A signed-in listener's play also starts an entry in their history. Then report " +
          "progress to `POST /api/v1/plays/{playId}/progress`: the play counts once `countsAfterMs` have been " +
          "heard (30 s, or the whole track when shorter), at most once per listener and track in 10 minutes. " +
          "Limited to 120 plays per listener in 10 minutes (429 with Retry-After).",
        params: z.object({ id: z.uuid() }),
        response: { 201: playStartedSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startPlay(ctx, request.params.id, request.principal, listenerOf(ctx.secrets, request))),
  );

  routes.post(
    "/api/v1/plays/:playId/progress",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Report how much of a play has been heard (every ~10 s, and on pause and end)",
        description:
          "`listenedMs` is the total heard so far; the largest report wins. Only the listener who started the play " +
          "may report on it (404 otherwise). More than the track's length or the time since the play started " +
          "(each plus 10 s) is refused with 422 PLAY_PROGRESS_IMPLAUSIBLE.",
        params: z.object({ playId: z.uuid() }),
        body: playProgressRequestSchema,
        response: { 200: playProgressSchema },
      },
    },
    async (request) =>
      reportProgress(ctx, request.params.playId, listenerOf(ctx.secrets, request), request.body.listenedMs),
  );

  routes.get(
    "/api/v1/me/history",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "What I listened to, newest first",
        description:
          "One entry per play. A track I may no longer see (made private, or back in processing) is listed as " +
          "`track: null`, unavailable, so the entry can still be removed; a deleted track leaves my history.",
        querystring: pageQuerySchema,
        response: { 200: historyPageSchema },
      },
    },
    async (request) => getHistory(ctx.database, principalOf(request), request.query),
  );

  routes.delete(
    "/api/v1/me/history/:entryId",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Remove one entry from my history (the play still counts)",
        params: z.object({ entryId: z.uuid() }),
      },
    },
    async (request, reply) => {
      await removeHistoryEntry(ctx.database, principalOf(request).userId, request.params.entryId);
      return reply.status(204).send();
    },
  );

  routes.delete(
    "/api/v1/me/history",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Clear my history (plays still count)" },
    },
    async (request, reply) => {
      await clearMyHistory(ctx.database, principalOf(request).userId);
      return reply.status(204).send();
    },
  );

  routes.get(
    "/api/v1/me/stats",
    {
      config: { access: "creator" },
      schema: {
        tags,
        summary: "Counted plays of my tracks per day, my top tracks and my listeners",
        description: "Over the last 7, 30 or 365 UTC days, today included. Stats may lag a few seconds.",
        querystring: statsQuerySchema,
        response: { 200: creatorStatsSchema },
      },
    },
    async (request) => creatorStats(ctx.database, principalOf(request).userId, request.query.days),
  );

  routes.get(
    "/api/v1/me/stats/tracks/:id",
    {
      config: { access: "creator" },
      schema: {
        tags,
        summary: "One of my tracks' counted plays and listeners per day",
        description: "404 for a track that is not mine.",
        params: z.object({ id: z.uuid() }),
        querystring: statsQuerySchema,
        response: { 200: trackStatsSchema },
      },
    },
    async (request) => trackStats(ctx.database, principalOf(request).userId, request.params.id, request.query.days),
  );
}
