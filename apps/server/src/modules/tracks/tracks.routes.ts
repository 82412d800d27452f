import multipart from "@fastify/multipart";
import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { notFound } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { findPageOwnerId } from "../accounts/index.ts";
import { registerResumableUploads } from "./resumable.ts";
import { fileTooLarge, quotaExceeded, storageStanding, uploadLimitBytes } from "./storage-quota.ts";
import { removeUploadsOfDeadProcesses, startUploadsHeartbeat } from "./tmp-cleanup.ts";
import type { TracksContext } from "./tracks.context.ts";
import { type OpenStreams, streamTrackEvents } from "./tracks.events.ts";
import { presentTrack, presentTrackSummary } from "./tracks.presenter.ts";
import { listPublicTracks, listTracksByOwner, type TrackRow } from "./tracks.repo.ts";
import { deleteTrack, ingestUpload, loadVisibleTrack, retryTrack, updateTrack } from "./tracks.service.ts";
import { receiveUpload } from "./upload.ts";

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

  serve(
    app,
    api.tracks.upload,
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
    { schema: { consumes: ["multipart/form-data"] } },
  );

  serve(app, api.tracks.latest, async (request) =>
    toPage(
      await listPublicTracks(ctx.database.forRead(), {
        limit: request.query.limit,
        after: decodeKeyset(request.query.cursor),
      }),
      request.query.limit,
    ),
  );

  // The primary: my upload from a second ago must be in the list.
  serve(app, api.tracks.mine, async (request) =>
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

  serve(app, api.tracks.byCreator, async (request) => {
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
  });

  serve(app, api.tracks.get, async (request) => ({
    track: presentTrack(await loadVisibleTrack(ctx, request.params.id, request.principal)),
  }));

  serve(app, api.tracks.update, async (request) => ({
    track: await updateTrack(ctx, request.params.id, principalOf(request), request.body),
  }));

  serve(app, api.tracks.delete, async (request, reply) => {
    await deleteTrack(ctx, request.params.id, principalOf(request));
    return reply.status(204).send();
  });

  serve(app, api.tracks.retry, async (request, reply) =>
    reply.status(202).send({ track: await retryTrack(ctx, request.params.id, principalOf(request)) }),
  );

  serve(app, api.tracks.events, async (request, reply) => {
    const track = await loadVisibleTrack(ctx, request.params.id, request.principal, { primary: true });
    await streamTrackEvents(ctx, openStreams, track, request, reply);
  });
}
