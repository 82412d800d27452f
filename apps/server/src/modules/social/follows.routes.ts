import { followPageSchema, pageQuerySchema, userProfileResponseSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { followUser, getProfile, listFollowsOf, unfollowUser } from "./follows.service.ts";
import type { SocialContext } from "./social.context.ts";

const tags = ["social"];
const usernameParams = z.object({ username: z.string().min(1).max(30) });

export function registerFollowRoutes(app: FastifyInstance, ctx: SocialContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/api/v1/users/:username",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A user's public profile, with their counts and whether I follow them",
        params: usernameParams,
        response: { 200: userProfileResponseSchema },
      },
    },
    async (request) => ({ user: await getProfile(ctx, request.params.username, request.principal) }),
  );

  routes.put(
    "/api/v1/users/:username/follow",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Follow a user (idempotent): their new tracks and reposts come to my feed",
        description: "400 for myself; 403 FORBIDDEN when either of us blocked the other.",
        params: usernameParams,
        response: { 200: userProfileResponseSchema },
      },
    },
    async (request) => ({ user: await followUser(ctx, request.params.username, principalOf(request)) }),
  );

  routes.delete(
    "/api/v1/users/:username/follow",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Stop following a user (idempotent)",
        description:
          "Answers their profile with the new counts, or 204 when the caller may not see it (a suspended account).",
        params: usernameParams,
        response: { 200: userProfileResponseSchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = await unfollowUser(ctx, request.params.username, principalOf(request));
      // The follow is gone either way; a profile the caller may not see is not sent.
      return user ? { user } : reply.status(204).send(null);
    },
  );

  for (const direction of ["followers", "following"] as const) {
    routes.get(
      `/api/v1/users/:username/${direction}`,
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: direction === "followers" ? "Who follows a user, latest first" : "Whom a user follows, latest first",
          params: usernameParams,
          querystring: pageQuerySchema,
          response: { 200: followPageSchema },
        },
      },
      async (request) => listFollowsOf(ctx, request.params.username, direction, request.principal, request.query),
    );
  }
}
