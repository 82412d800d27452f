import { z } from "zod";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";
import { trackPageSchema, trackResponseSchema, updateTrackRequestSchema } from "../tracks.ts";

const tags = ["tracks"] as const;
const trackIdParams = z.object({ id: z.uuid() });
/** tus names its uploads itself: the id is whatever the POST's `Location` said. */
const uploadIdParams = z.object({ id: z.string() });
/** What an upload can be refused for, whichever way it comes (multipart or tus). */
const uploadRefusals = [
  "CREATOR_ROLE_REQUIRED",
  "FILE_TOO_LARGE",
  "QUOTA_EXCEEDED",
  "UNSUPPORTED_MEDIA",
  "UNPROCESSABLE",
  "VALIDATION_FAILED",
] as const;

export const tracksOperations = {
  upload: operation({
    method: "POST",
    path: "/api/v1/tracks",
    summary: "Upload a track (multipart: audio in `file`, optional image in `artwork`, details as fields)",
    tags,
    access: "creator",
    scope: "upload",
    response: { 201: trackResponseSchema },
    errors: [...uploadRefusals, "BAD_REQUEST", "PAYLOAD_TOO_LARGE"],
  }),
  latest: operation({
    method: "GET",
    path: "/api/v1/tracks",
    summary: "The latest public tracks",
    tags,
    access: "public",
    query: pageQuerySchema,
    response: { 200: trackPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  mine: operation({
    method: "GET",
    path: "/api/v1/users/me/tracks",
    summary: "My tracks, in every state",
    tags,
    access: "authenticated",
    query: pageQuerySchema,
    response: { 200: trackPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  byCreator: operation({
    method: "GET",
    path: "/api/v1/users/:username/tracks",
    summary: "A creator's public tracks",
    tags,
    access: "public",
    params: z.object({ username: z.string().max(30) }),
    query: pageQuerySchema,
    response: { 200: trackPageSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  get: operation({
    method: "GET",
    path: "/api/v1/tracks/:id",
    summary: "One track",
    tags,
    access: "public",
    params: trackIdParams,
    response: { 200: trackResponseSchema },
    errors: ["NOT_FOUND"],
  }),
  update: operation({
    method: "PATCH",
    path: "/api/v1/tracks/:id",
    summary: "Edit a track's details",
    tags,
    access: "authenticated",
    params: trackIdParams,
    body: updateTrackRequestSchema,
    response: { 200: trackResponseSchema },
    errors: ["NOT_FOUND", "FORBIDDEN", "VALIDATION_FAILED"],
  }),
  delete: operation({
    method: "DELETE",
    path: "/api/v1/tracks/:id",
    summary: "Delete a track and its media",
    tags,
    access: "authenticated",
    params: trackIdParams,
    response: {},
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
  retry: operation({
    method: "POST",
    path: "/api/v1/tracks/:id/retry",
    summary: "Process a failed track again",
    tags,
    access: "authenticated",
    params: trackIdParams,
    response: { 202: trackResponseSchema },
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
  }),
  events: operation({
    method: "GET",
    path: "/api/v1/tracks/:id/events",
    summary:
      "Live processing status (Server-Sent Events, event `status`). A signed-in viewer's stream ends with a " +
      "last `closed` event when their session or token is revoked or expires or their account is closed",
    tags,
    access: "public",
    params: trackIdParams,
    response: {},
    produces: "text/event-stream",
    errors: ["NOT_FOUND"],
  }),

  /*
   * Resumable uploads speak tus 1.0 (https://tus.io/protocols/resumable-upload), a protocol of
   * headers rather than JSON: these operations name its requests for the web client and the
   * mocks. The server hands every request under the path to @tus/server (see resumable.ts).
   */
  startResumableUpload: operation({
    method: "POST",
    path: "/api/v1/uploads",
    summary: "Start a resumable (tus 1.0) upload: 201 with the upload's URL in `Location`",
    tags,
    access: "creator",
    scope: "upload",
    response: {},
    errors: ["CREATOR_ROLE_REQUIRED", "FILE_TOO_LARGE", "QUOTA_EXCEEDED"],
  }),
  resumableUploadOffset: operation({
    method: "HEAD",
    path: "/api/v1/uploads/:id",
    summary: "How much of a resumable upload the server holds (`Upload-Offset`)",
    tags,
    access: "creator",
    scope: "upload",
    params: uploadIdParams,
    response: {},
    errors: ["NOT_FOUND"],
  }),
  sendResumableChunk: operation({
    method: "PATCH",
    path: "/api/v1/uploads/:id",
    summary: "Append a chunk at `Upload-Offset`; the last one answers 201 with the created track",
    tags,
    access: "creator",
    scope: "upload",
    params: uploadIdParams,
    response: { 201: trackResponseSchema },
    errors: [...uploadRefusals, "NOT_FOUND"],
  }),
  cancelResumableUpload: operation({
    method: "DELETE",
    path: "/api/v1/uploads/:id",
    summary: "Cancel an unfinished resumable upload and drop what the server holds of it",
    tags,
    access: "creator",
    scope: "upload",
    params: uploadIdParams,
    response: {},
    errors: ["NOT_FOUND"],
  }),
};
