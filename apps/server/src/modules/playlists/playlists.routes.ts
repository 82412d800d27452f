import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { viewerOf } from "../visibility/index.ts";
import {
  addTrackToPlaylist,
  createPlaylist,
  deletePlaylist,
  getPlaylist,
  listMyPlaylists,
  listPublicPlaylistsOf,
  removeTrackFromPlaylist,
  reorderPlaylist,
  updatePlaylist,
} from "./playlists.service.ts";

export function registerPlaylistRoutes(app: FastifyInstance, database: Database) {
  serve(app, api.playlists.create, async (request, reply) =>
    reply.status(201).send({ playlist: await createPlaylist(database, principalOf(request).userId, request.body) }),
  );

  serve(app, api.playlists.get, async (request) => ({
    playlist: await getPlaylist(database, request.params.id, viewerOf(request.principal)),
  }));

  serve(app, api.playlists.update, async (request) => ({
    playlist: await updatePlaylist(database, request.params.id, principalOf(request).userId, request.body),
  }));

  serve(app, api.playlists.delete, async (request, reply) => {
    await deletePlaylist(database, request.params.id, principalOf(request).userId);
    return reply.status(204).send();
  });

  serve(app, api.playlists.addTrack, async (request, reply) =>
    reply.status(201).send({
      playlist: await addTrackToPlaylist(
        database,
        request.params.id,
        principalOf(request).userId,
        request.body.trackId,
      ),
    }),
  );

  serve(app, api.playlists.removeTrack, async (request) => ({
    playlist: await removeTrackFromPlaylist(
      database,
      request.params.id,
      principalOf(request).userId,
      request.params.trackId,
    ),
  }));

  serve(app, api.playlists.reorder, async (request) => ({
    playlist: await reorderPlaylist(database, request.params.id, principalOf(request).userId, request.body.trackIds),
  }));

  serve(app, api.playlists.mine, async (request) =>
    listMyPlaylists(database, principalOf(request).userId, request.query),
  );

  serve(app, api.playlists.ofUser, async (request) =>
    listPublicPlaylistsOf(database, request.params.username, request.principal?.userId ?? null, request.query),
  );
}
