import {
  addPlaylistTrackRequestSchema,
  createPlaylistRequestSchema,
  pageQuerySchema,
  playlistPageSchema,
  playlistResponseSchema,
  reorderPlaylistRequestSchema,
  updatePlaylistRequestSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db/database.ts";
import { principalOf } from "../../platform/http/access.ts";
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

const tags = ["playlists"];
const playlistIdParams = z.object({ id: z.uuid() });
const playlistTrackParams = playlistIdParams.extend({ trackId: z.uuid() });

export function registerPlaylistRoutes(app: FastifyInstance, database: Database) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/playlists",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Create a playlist (empty; add tracks one by one)",
        body: createPlaylistRequestSchema,
        response: { 201: playlistResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ playlist: await createPlaylist(database, principalOf(request).userId, request.body) }),
  );

  routes.get(
    "/api/v1/playlists/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "One playlist with its tracks in order",
        description:
          "Public and unlisted playlists to anyone with the id, private ones to their owner only (404 otherwise). " +
          "Tracks the caller may not play (private, not ready) are left out of `tracks` and of the totals.",
        params: playlistIdParams,
        response: { 200: playlistResponseSchema },
      },
    },
    async (request) => ({
      playlist: await getPlaylist(database, request.params.id, viewerOf(request.principal)),
    }),
  );

  routes.patch(
    "/api/v1/playlists/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Rename, describe, or change the visibility of my playlist",
        params: playlistIdParams,
        body: updatePlaylistRequestSchema,
        response: { 200: playlistResponseSchema },
      },
    },
    async (request) => ({
      playlist: await updatePlaylist(database, request.params.id, principalOf(request).userId, request.body),
    }),
  );

  routes.delete(
    "/api/v1/playlists/:id",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Delete my playlist (its tracks stay)", params: playlistIdParams },
    },
    async (request, reply) => {
      await deletePlaylist(database, request.params.id, principalOf(request).userId);
      return reply.status(204).send();
    },
  );

  routes.post(
    "/api/v1/playlists/:id/tracks",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Add a track at the end of my playlist",
        description:
          "Any public or unlisted ready track, or one of mine. 409 `TRACK_ALREADY_IN_PLAYLIST` if it is there.",
        params: playlistIdParams,
        body: addPlaylistTrackRequestSchema,
        response: { 201: playlistResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        playlist: await addTrackToPlaylist(
          database,
          request.params.id,
          principalOf(request).userId,
          request.body.trackId,
        ),
      }),
  );

  routes.delete(
    "/api/v1/playlists/:id/tracks/:trackId",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Remove a track from my playlist",
        params: playlistTrackParams,
        response: { 200: playlistResponseSchema },
      },
    },
    async (request) => ({
      playlist: await removeTrackFromPlaylist(
        database,
        request.params.id,
        principalOf(request).userId,
        request.params.trackId,
      ),
    }),
  );

  routes.put(
    "/api/v1/playlists/:id/order",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Reorder my playlist",
        description:
          "`trackIds` lists every track of the playlist as I see it, in the new order. " +
          "409 `PLAYLIST_ORDER_MISMATCH` (with `missing` and `unexpected` ids) if the set differs from the current one.",
        params: playlistIdParams,
        body: reorderPlaylistRequestSchema,
        response: { 200: playlistResponseSchema },
      },
    },
    async (request) => ({
      playlist: await reorderPlaylist(database, request.params.id, principalOf(request).userId, request.body.trackIds),
    }),
  );

  routes.get(
    "/api/v1/me/playlists",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My playlists, whatever their visibility, newest first",
        querystring: pageQuerySchema,
        response: { 200: playlistPageSchema },
      },
    },
    async (request) => listMyPlaylists(database, principalOf(request).userId, request.query),
  );

  routes.get(
    "/api/v1/users/:username/playlists",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A user's public playlists, newest first",
        params: z.object({ username: z.string().max(30) }),
        querystring: pageQuerySchema,
        response: { 200: playlistPageSchema },
      },
    },
    async (request) =>
      listPublicPlaylistsOf(database, request.params.username, request.principal?.userId ?? null, request.query),
  );
}
