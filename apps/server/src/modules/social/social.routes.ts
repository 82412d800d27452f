import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
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

/** Likes, reposts, comments, the home feed, and (follows.routes.ts) profiles and follows. */
export function registerSocialRoutes(app: FastifyInstance, ctx: SocialContext) {
  const social = api.social;
  serve(app, social.trackSocial, async (request) => getTrackSocial(ctx, request.params.id, request.principal));
  serve(app, social.likeTrack, async (request) => likeTrack(ctx, request.params.id, principalOf(request)));
  serve(app, social.unlikeTrack, async (request) => unlikeTrack(ctx, request.params.id, principalOf(request)));
  serve(app, social.repostTrack, async (request) => repostTrack(ctx, request.params.id, principalOf(request)));
  serve(app, social.unrepostTrack, async (request) => unrepostTrack(ctx, request.params.id, principalOf(request)));

  serve(app, social.playlistSocial, async (request) => getPlaylistSocial(ctx, request.params.id, request.principal));
  serve(app, social.likePlaylist, async (request) => likePlaylist(ctx, request.params.id, principalOf(request)));
  serve(app, social.unlikePlaylist, async (request) => unlikePlaylist(ctx, request.params.id, principalOf(request)));

  serve(app, social.likedTracks, async (request) => listMyLikedTracks(ctx, principalOf(request), request.query));
  serve(app, social.likedPlaylists, async (request) => listMyLikedPlaylists(ctx, principalOf(request), request.query));

  serve(app, social.comments, async (request) =>
    listTrackComments(ctx, request.params.id, request.principal, request.query),
  );
  serve(app, social.addComment, async (request, reply) =>
    reply.status(201).send({ comment: await addComment(ctx, request.params.id, principalOf(request), request.body) }),
  );
  serve(app, social.deleteComment, async (request, reply) => {
    await removeComment(ctx, request.params.id, request.params.commentId, principalOf(request));
    return reply.status(204).send();
  });

  serve(app, social.feed, async (request) => getFeed(ctx, principalOf(request).userId, request.query));

  registerFollowRoutes(app, ctx);
}
