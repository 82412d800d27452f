import { z } from "zod";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";
import {
  addPlaylistTrackRequestSchema,
  createPlaylistRequestSchema,
  playlistPageSchema,
  playlistResponseSchema,
  reorderPlaylistRequestSchema,
  updatePlaylistRequestSchema,
} from "../playlists.ts";

const tags = ["playlists"] as const;
const playlistIdParams = z.object({ id: z.uuid() });
const playlistTrackParams = playlistIdParams.extend({ trackId: z.uuid() });

export const playlistsOperations = {
  create: operation({
    method: "POST",
    path: "/api/v1/playlists",
    summary: "Create a playlist (empty; add tracks one by one)",
    tags,
    access: "authenticated",
    body: createPlaylistRequestSchema,
    response: { 201: playlistResponseSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  get: operation({
    method: "GET",
    path: "/api/v1/playlists/:id",
    summary: "One playlist with its tracks in order",
    description:
      "Public and unlisted playlists to anyone with the id, private ones to their owner only (404 otherwise). " +
      "Tracks the caller may not play (private, not ready) are left out of `tracks` and of the totals.",
    tags,
    access: "public",
    params: playlistIdParams,
    response: { 200: playlistResponseSchema },
    errors: ["NOT_FOUND"],
  }),
  update: operation({
    method: "PATCH",
    path: "/api/v1/playlists/:id",
    summary: "Rename, describe, or change the visibility of my playlist",
    tags,
    access: "authenticated",
    params: playlistIdParams,
    body: updatePlaylistRequestSchema,
    response: { 200: playlistResponseSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  delete: operation({
    method: "DELETE",
    path: "/api/v1/playlists/:id",
    summary: "Delete my playlist (its tracks stay)",
    tags,
    access: "authenticated",
    params: playlistIdParams,
    response: {},
    errors: ["NOT_FOUND"],
  }),
  addTrack: operation({
    method: "POST",
    path: "/api/v1/playlists/:id/tracks",
    summary: "Add a track at the end of my playlist",
    description: "Any public or unlisted ready track, or one of mine. 409 `TRACK_ALREADY_IN_PLAYLIST` if it is there.",
    tags,
    access: "authenticated",
    params: playlistIdParams,
    body: addPlaylistTrackRequestSchema,
    response: { 201: playlistResponseSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "TRACK_ALREADY_IN_PLAYLIST", "PLAYLIST_FULL"],
  }),
  removeTrack: operation({
    method: "DELETE",
    path: "/api/v1/playlists/:id/tracks/:trackId",
    summary: "Remove a track from my playlist",
    tags,
    access: "authenticated",
    params: playlistTrackParams,
    response: { 200: playlistResponseSchema },
    errors: ["NOT_FOUND"],
  }),
  reorder: operation({
    method: "PUT",
    path: "/api/v1/playlists/:id/order",
    summary: "Reorder my playlist",
    description:
      "`trackIds` lists every track of the playlist as I see it, in the new order. " +
      "409 `PLAYLIST_ORDER_MISMATCH` (with `missing` and `unexpected` ids) if the set differs from the current one.",
    tags,
    access: "authenticated",
    params: playlistIdParams,
    body: reorderPlaylistRequestSchema,
    response: { 200: playlistResponseSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "PLAYLIST_ORDER_MISMATCH"],
  }),
  mine: operation({
    method: "GET",
    path: "/api/v1/me/playlists",
    summary: "My playlists, whatever their visibility, newest first",
    tags,
    access: "authenticated",
    query: pageQuerySchema,
    response: { 200: playlistPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  ofUser: operation({
    method: "GET",
    path: "/api/v1/users/:username/playlists",
    summary: "A user's public playlists, newest first",
    tags,
    access: "public",
    params: z.object({ username: z.string().max(30) }),
    query: pageQuerySchema,
    response: { 200: playlistPageSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
};
