import multipart from "@fastify/multipart";
import { pageQuerySchema, trackPageSchema, trackResponseSchema, updateTrackRequestSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { notFound } from "../../platform/http/errors.ts";
import { findPageOwnerId } from "../accounts/accounts.repo.ts";
import { registerResumableUploads } from "./resumable.ts";
import { fileTooLarge, quotaExceeded, storageStanding, uploadLimitBytes } from "./storage-quota.ts";
import { removeUploadsOfDeadProcesses, startUploadsHeartbeat } from "./tmp-cleanup.ts";
import type { TracksContext } from "./tracks.context.ts";
import { type OpenStreams, streamTrackEvents } from "./tracks.events.ts";
import { presentTrack, presentTrackSummary } from "./tracks.presenter.ts";
import { listPublicTracks, listTracksByOwner, type TrackRow } from "./tracks.repo.ts";
import {
  deleteTrack,
  ingestUpload,
  loadVisibleTrack,
  retryTrack,
  trackIdParams,
  updateTrack,
} from "./tracks.service.ts";
import { receiveUpload } from "./upload.ts";

const tags = ["tracks"];

/** A page of track summaries from rows fetched with limit + 1. */
const toPage = (rows: (TrackRow & { created_key: string })[], limit: number) =>
  pageFrom(rows, limit, presentTrackSummary, (row) => ({ at: row.created_key, id: row.id }));

export async function registerTrackRoutes(app: FastifyInstance, ctx: TracksContext) {
  // Each upload passes the limit that applies at that moment (an admin may change it at any time).
  await app.register(multipart);
  const openStreams: OpenStreams = new Set();
  app.addHook("preClose", async () => {
    for (const close of openStreams) close();
  });
  registerResumableUploads(app, ctx);
  // This process's multipart uploads must look alive to every clean-up; a dead process's never complete.
  const stopHeartbeat = await startUploadsHeartbeat(ctx.tmpDir, ctx.logger);
  app.addHook("onClose", async () => stopHeartbeat());
  await removeUploadsOfDeadProcesses(ctx.tmpDir, ctx.logger);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/tracks",
    {
      config: { access: "creator", scope: "upload" },
      schema: {
        tags,
        summary: "Upload a track (multipart: audio in `file`, optional image in `artwork`, details as fields)",
        consumes: ["multipart/form-data"],
        response: { 201: trackResponseSchema },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request);
      const limitBytes = await uploadLimitBytes(ctx);
      // Refuse what cannot fit before reading a byte of it (the slack is the form's other parts).
      const declared = Number(request.headers["content-length"] ?? 0);
      if (declared > limitBytes + 1024 * 1024) throw fileTooLarge(limitBytes);
      if (declared > 0) {
        const standing = await storageStanding(ctx, userId);
        if (standing.usedBytes + declared > standing.quotaBytes + 1024 * 1024) throw quotaExceeded(standing);
      }
      const upload = await receiveUpload(request, ctx.tmpDir, limitBytes);
      try {
        const track = await ingestUpload(ctx, userId, upload);
        return reply.status(201).send({ track });
      } finally {
        await upload.discard();
      }
    },
  );

  routes.get(
    "/api/v1/tracks",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The latest public tracks",
        querystring: pageQuerySchema,
        response: { 200: trackPageSchema },
      },
    },
    async (request) =>
      toPage(
        await listPublicTracks(ctx.database.forRead(), {
          limit: request.query.limit,
          after: decodeKeyset(request.query.cursor),
        }),
        request.query.limit,
      ),
  );

  routes.get(
    "/api/v1/users/me/tracks",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My tracks, in every state",
        querystring: pageQuerySchema,
        response: { 200: trackPageSchema },
      },
    },
    // The primary: my upload from a second ago must be in the list.
    async (request) =>
      toPage(
        await listTracksByOwner(
          ctx.database.primary,
          principalOf(request).userId,
          { limit: request.query.limit, after: decodeKeyset(request.query.cursor) },
          { everything: true },
        ),
        request.query.limit,
      ),
  );

  routes.get(
    "/api/v1/users/:username/tracks",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A creator's public tracks",
        params: z.object({ username: z.string().max(30) }),
        querystring: pageQuerySchema,
        response: { 200: trackPageSchema },
      },
    },
    async (request) => {
      const db = ctx.database.forRead();
      const ownerId = await findPageOwnerId(ctx.database, request.params.username, request.principal !== null);
      if (!ownerId) throw notFound("User");
      const everything = request.principal?.userId === ownerId;
      return toPage(
        await listTracksByOwner(
          everything ? ctx.database.primary : db,
          ownerId,
          { limit: request.query.limit, after: decodeKeyset(request.query.cursor) },
          { everything },
        ),
        request.query.limit,
      );
    },
  );

  routes.get(
    "/api/v1/tracks/:id",
    {
      config: { access: "public" },
      schema: { tags, summary: "One track", params: trackIdParams, response: { 200: trackResponseSchema } },
    },
    async (request) => ({ track: presentTrack(await loadVisibleTrack(ctx, request.params.id, request.principal)) }),
  );

  routes.patch(
    "/api/v1/tracks/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Edit a track's details",
        params: trackIdParams,
        body: updateTrackRequestSchema,
        response: { 200: trackResponseSchema },
      },
    },
    async (request) => ({ track: await updateTrack(ctx, request.params.id, principalOf(request), request.body) }),
  );

  routes.delete(
    "/api/v1/tracks/:id",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Delete a track and its media", params: trackIdParams },
    },
    async (request, reply) => {
      await deleteTrack(ctx, request.params.id, principalOf(request));
      return reply.status(204).send();
    },
  );

  routes.post(
    "/api/v1/tracks/:id/retry",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Process a failed track again",
        params: trackIdParams,
        response: { 202: trackResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ track: await retryTrack(ctx, request.params.id, principalOf(request)) }),
  );

  routes.get(
    "/api/v1/tracks/:id/events",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "Live processing status (Server-Sent Events, event `status`). A signed-in viewer's stream ends with a " +
          "last `closed` event when their session or token is revoked or expires or their account is closed",
        params: trackIdParams,
      },
    },
    async (request, reply) => {
      const track = await loadVisibleTrack(ctx, request.params.id, request.principal, { primary: true });
      return streamTrackEvents(ctx, openStreams, track, request, reply);
    },
  );
}
