import { z } from "zod";
import { operation } from "../operation.ts";
import { streamResponseSchema } from "../tracks.ts";

const tags = ["streaming"] as const;
const trackIdParams = z.object({ id: z.uuid() });

export const streamingOperations = {
  streamUrl: operation({
    method: "GET",
    path: "/api/v1/tracks/:id/stream",
    summary: "A signed, expiring URL of the track's HLS master playlist",
    tags,
    access: "public",
    params: trackIdParams,
    response: { 200: streamResponseSchema },
    errors: ["NOT_FOUND", "FORBIDDEN", "TRACK_NOT_READY"],
  }),
  /**
   * The playlists, segments and images a signed URL points at. The signature in the path is
   * the proof (as nginx's secure_link checks it), so no session or token is looked up.
   */
  media: operation({
    method: "GET",
    path: "/media/:signature/:expires/*",
    summary: "A published media file (HLS playlist, segment or image) by its signed, expiring URL",
    tags,
    access: "public",
    credentials: "none",
    response: {},
    produces: "application/octet-stream",
    errors: ["FORBIDDEN", "NOT_FOUND", "RANGE_NOT_SATISFIABLE"],
  }),
  artwork: operation({
    method: "GET",
    path: "/api/v1/tracks/:id/artwork/:size",
    summary: "The track's artwork",
    tags,
    access: "public",
    params: trackIdParams.extend({ size: z.enum(["large", "small"]) }),
    response: {},
    produces: "image/jpeg",
    errors: ["NOT_FOUND", "FORBIDDEN", "RANGE_NOT_SATISFIABLE"],
  }),
  download: operation({
    method: "GET",
    path: "/api/v1/tracks/:id/download",
    summary: "The original file, when the creator allows downloads",
    tags,
    access: "public",
    params: trackIdParams,
    response: {},
    produces: "application/octet-stream",
    errors: ["NOT_FOUND", "FORBIDDEN", "RANGE_NOT_SATISFIABLE"],
  }),
};
