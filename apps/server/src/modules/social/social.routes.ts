import {
  commentPageSchema,
  commentResponseSchema,
  createCommentRequestSchema,
  feedPageSchema,
  likedPlaylistPageSchema,
  likedTrackPageSchema,
  pageQuerySchema,
  playlistSocialSchema,
  trackSocialSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { addComment, listTrackComments, removeComment } from "./comments.service.ts";
import { getFeed } from "./feed.service.ts";
import { registerFollowRoutes } from "./follows.routes.ts";
import {
  getPlaylistSocial,
  getTrackSocial,
  likePlaylist,
  likeTrack,
  listMyLikedPlaylists,
  listMyLikedTracks,
  repostTrack,
  unlikePlaylist,
  unlikeTrack,
  unrepostTrack,
} from "./likes.service.ts";
import type { SocialContext } from "./social.context.ts";

const tags = ["social"];
const idParams = z.object({ id: z.uuid() });
const commentParams = idParams.extend({ commentId: z.uuid() });
const signedIn = { access: "authenticated" } as const;
const anyone = { access: "public" } as const;
const notVisible = "404 when the caller may not see it.";

/** Likes, reposts, comments, the home feed, and (follows.routes.ts) profiles and follows. */
export function registerSocialRoutes(app: FastifyInstance, ctx: SocialContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const trackSocial = { params: idParams, response: { 200: trackSocialSchema } };
  const playlistSocial = { params: idParams, response: { 200: playlistSocialSchema } };

  routes.get(
    "/api/v1/tracks/:id/social",
    {
      config: anyone,
      schema: { tags, summary: "A track's like, repost and comment counts, and mine", ...trackSocial },
    },
    async (request) => getTrackSocial(ctx, request.params.id, request.principal),
  );
  routes.put(
    "/api/v1/tracks/:id/like",
    {
      config: signedIn,
      schema: { tags, summary: "Like a track (idempotent)", description: notVisible, ...trackSocial },
    },
    async (request) => likeTrack(ctx, request.params.id, principalOf(request)),
  );
  routes.delete(
    "/api/v1/tracks/:id/like",
    {
      config: signedIn,
      schema: { tags, summary: "Take back my like (idempotent)", description: notVisible, ...trackSocial },
    },
    async (request) => unlikeTrack(ctx, request.params.id, principalOf(request)),
  );
  routes.put(
    "/api/v1/tracks/:id/repost",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Repost a track to my followers' feeds (idempotent)",
        description: `Someone else's public track only (400 for my own, 409 CONFLICT for an unlisted one). ${notVisible}`,
        ...trackSocial,
      },
    },
    async (request) => repostTrack(ctx, request.params.id, principalOf(request)),
  );
  routes.delete(
    "/api/v1/tracks/:id/repost",
    {
      config: signedIn,
      schema: { tags, summary: "Take back my repost (idempotent)", description: notVisible, ...trackSocial },
    },
    async (request) => unrepostTrack(ctx, request.params.id, principalOf(request)),
  );

  routes.get(
    "/api/v1/playlists/:id/social",
    { config: anyone, schema: { tags, summary: "A playlist's like count, and whether I like it", ...playlistSocial } },
    async (request) => getPlaylistSocial(ctx, request.params.id, request.principal),
  );
  routes.put(
    "/api/v1/playlists/:id/like",
    {
      config: signedIn,
      schema: { tags, summary: "Like a playlist (idempotent)", description: notVisible, ...playlistSocial },
    },
    async (request) => likePlaylist(ctx, request.params.id, principalOf(request)),
  );
  routes.delete(
    "/api/v1/playlists/:id/like",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Take back my like of a playlist (idempotent)",
        description: notVisible,
        ...playlistSocial,
      },
    },
    async (request) => unlikePlaylist(ctx, request.params.id, principalOf(request)),
  );

  routes.get(
    "/api/v1/me/likes/tracks",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Tracks I like, latest like first (those I may still see)",
        querystring: pageQuerySchema,
        response: { 200: likedTrackPageSchema },
      },
    },
    async (request) => listMyLikedTracks(ctx, principalOf(request), request.query),
  );
  routes.get(
    "/api/v1/me/likes/playlists",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Playlists I like, latest like first (those I may still see)",
        querystring: pageQuerySchema,
        response: { 200: likedPlaylistPageSchema },
      },
    },
    async (request) => listMyLikedPlaylists(ctx, principalOf(request), request.query),
  );

  routes.get(
    "/api/v1/tracks/:id/comments",
    {
      config: anyone,
      schema: {
        tags,
        summary: "A track's comments, newest first",
        description: `Comments by someone I blocked, or who blocked me, are left out. ${notVisible}`,
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: commentPageSchema },
      },
    },
    async (request) => listTrackComments(ctx, request.params.id, request.principal, request.query),
  );
  routes.post(
    "/api/v1/tracks/:id/comments",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Comment on a track, optionally at a moment of it (plain text, 1–1,000 characters; 10 a minute)",
        description: `Needs a verified email address (403 EMAIL_NOT_VERIFIED). ${notVisible}`,
        params: idParams,
        body: createCommentRequestSchema,
        response: { 201: commentResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ comment: await addComment(ctx, request.params.id, principalOf(request), request.body) }),
  );
  routes.delete(
    "/api/v1/tracks/:id/comments/:commentId",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Delete a comment: mine, or any on my track (403 for anyone else's)",
        params: commentParams,
      },
    },
    async (request, reply) => {
      await removeComment(ctx, request.params.id, request.params.commentId, principalOf(request));
      return reply.status(204).send();
    },
  );

  routes.get(
    "/api/v1/me/feed",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "My home feed: new tracks and reposts from the people I follow, newest first, then popular tracks",
        description: "Each track at most once. Public tracks only. Keep passing `nextCursor` to read on.",
        querystring: pageQuerySchema,
        response: { 200: feedPageSchema },
      },
    },
    async (request) => getFeed(ctx, principalOf(request).userId, request.query),
  );

  registerFollowRoutes(app, ctx);
}
