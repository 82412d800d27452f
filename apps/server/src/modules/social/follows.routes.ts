import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { followUser, getProfile, listFollowsOf, unfollowUser } from "./follows.service.ts";
import type { SocialContext } from "./social.context.ts";

export function registerFollowRoutes(app: FastifyInstance, ctx: SocialContext) {
  const follows = api.follows;
  serve(app, follows.profile, async (request) => ({
    user: await getProfile(ctx, request.params.username, request.principal),
  }));

  serve(app, follows.follow, async (request) => ({
    user: await followUser(ctx, request.params.username, principalOf(request)),
  }));

  serve(app, follows.unfollow, async (request, reply) => {
    const user = await unfollowUser(ctx, request.params.username, principalOf(request));
    // The follow is gone either way; a profile the caller may not see is not sent.
    return user ? { user } : reply.status(204).send(null);
  });

  for (const [direction, operation] of [
    ["followers", follows.followers],
    ["following", follows.following],
  ] as const) {
    serve(app, operation, async (request) =>
      listFollowsOf(ctx, request.params.username, direction, request.principal, request.query),
    );
  }
}
