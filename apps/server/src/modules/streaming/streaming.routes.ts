import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Principal } from "../../platform/http/access.ts";
import { AppError, sendError } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { sendBuffer, sendStoredObject } from "../../platform/http/ranges.ts";
import type { TracksContext } from "../tracks/index.ts";
import { loadVisibleTrack, MediaRevocationListener } from "../tracks/index.ts";
import { playableTrackRule, type RuleTables, viewerOf } from "../visibility/index.ts";
import { checkSignature, signedMediaUrl, splitSignedPath } from "./signing.ts";

const contentTypes: Record<string, string> = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".m4s": "audio/iso.segment",
  ".mp4": "audio/mp4",
  ".jpg": "image/jpeg",
};
const typeOf = (file: string) => contentTypes[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";

const originalTypes: Record<string, string> = {
  wav: "audio/wav",
  aiff: "audio/aiff",
  flac: "audio/flac",
  m4a: "audio/mp4",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
};

/**
 * A hidden track (taken down, or its owner suspended) plays, shows and downloads for nobody,
 * not even its owner, who still sees it listed with the reason (the visibility module's
 * `playableTrackRule`). Those who may not open it at all got 404 before this.
 */
function refuseHidden(track: RuleTables["track"], principal: Principal | null) {
  if (!playableTrackRule.allows(viewerOf(principal), { track })) {
    throw new AppError("FORBIDDEN", "This track is hidden: it cannot be played, shown or downloaded");
  }
}

export function registerStreamingRoutes(app: FastifyInstance, ctx: TracksContext) {
  // Published HLS versions never change, so hot segments can be served from memory, until a
  // takedown moves them away (every process hears of it and forgets them).
  const segments = ctx.mediaCache;
  const revocations = new MediaRevocationListener(ctx.hub, segments, ctx.logger);

  serve(app, api.streaming.streamUrl, async (request) => {
    const track = await loadVisibleTrack(ctx, request.params.id, request.principal);
    refuseHidden(track, request.principal);
    if (track.status !== "ready" || !track.hls_prefix)
      throw new AppError("TRACK_NOT_READY", "The track is still being processed");
    const expires = Math.floor(Date.now() / 1000) + ctx.streamUrlTtlSeconds;
    return {
      url: signedMediaUrl(ctx.publicUrl, track.hls_prefix, "master.m3u8", expires, ctx.mediaSigningSecret),
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  });

  // The signature is the authorisation here, exactly as nginx's secure_link would check it.
  // The byte path: no security headers (media is not a page), no per-request info logs.
  serve(
    app,
    api.streaming.media,
    async (request, reply) => {
      const { signature, expires, "*": rest } = request.params as { signature: string; expires: string; "*": string };
      const parts = splitSignedPath(rest);
      const expiry = Number(expires);
      if (!parts || !Number.isInteger(expiry)) return sendError(reply, 403, "FORBIDDEN", "Invalid media link");
      const check = checkSignature(signature, expiry, parts.prefix, ctx.mediaSigningSecret);
      if (check !== "valid") {
        return sendError(
          reply,
          403,
          "FORBIDDEN",
          check === "expired" ? "This media link has expired" : "Invalid media link",
        );
      }
      // Published versions never change: cache until the link itself expires.
      const maxAge = Math.max(0, expiry - Math.floor(Date.now() / 1000));
      await revocations.listening();
      const object = await segments.get(`${parts.prefix}${parts.file}`);
      if (!object) return sendError(reply, 404, "NOT_FOUND", "File not found");
      return sendBuffer(request, reply, object, {
        "content-type": typeOf(parts.file),
        "x-content-type-options": "nosniff",
        "cache-control": `public, max-age=${maxAge}, immutable`,
      });
    },
    { helmet: false, logLevel: "warn" },
  );

  serve(app, api.streaming.artwork, async (request, reply) => {
    const track = await loadVisibleTrack(ctx, request.params.id, request.principal);
    refuseHidden(track, request.principal);
    if (!track.artwork_prefix) throw new AppError("NOT_FOUND", "This track has no artwork");
    return sendStoredObject(request, reply, ctx.storage, `${track.artwork_prefix}${request.params.size}.jpg`, {
      "content-type": "image/jpeg",
      "cache-control": track.visibility === "public" ? "public, max-age=86400" : "private, max-age=86400",
    });
  });

  serve(app, api.streaming.download, async (request, reply) => {
    const track = await loadVisibleTrack(ctx, request.params.id, request.principal);
    refuseHidden(track, request.principal);
    const owner =
      request.principal && (request.principal.userId === track.owner_id || request.principal.role === "admin");
    if (!track.downloadable && !owner)
      throw new AppError("FORBIDDEN", "The creator does not allow downloads of this track");
    const filename = `${track.slug}.${track.original_format === "aiff" ? "aiff" : track.original_format}`;
    return sendStoredObject(request, reply, ctx.storage, track.original_key, {
      "content-type": originalTypes[track.original_format] ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    });
  });
}
