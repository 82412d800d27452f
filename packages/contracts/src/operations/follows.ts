import { z } from "zod";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";
import { followPageSchema, userProfileResponseSchema } from "../social.ts";

const tags = ["social"] as const;

/** A user named in the path: what a username may be, so a longer one is a 400, not a lookup. */
export const usernameParams = z.object({ username: z.string().min(1).max(30) });

const followList = <Path extends string>(path: Path, summary: string) =>
  operation({
    method: "GET",
    path,
    summary,
    tags,
    access: "public",
    params: usernameParams,
    query: pageQuerySchema,
    response: { 200: followPageSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  });

/** Public profiles and who follows whom. */
export const followsOperations = {
  profile: operation({
    method: "GET",
    path: "/api/v1/users/:username",
    summary: "A user's public profile, with their counts and whether I follow them",
    tags,
    access: "public",
    params: usernameParams,
    response: { 200: userProfileResponseSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  follow: operation({
    method: "PUT",
    path: "/api/v1/users/:username/follow",
    summary: "Follow a user (idempotent): their new tracks and reposts come to my feed",
    description: "400 for myself; 403 FORBIDDEN when either of us blocked the other.",
    tags,
    access: "authenticated",
    params: usernameParams,
    response: { 200: userProfileResponseSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "BAD_REQUEST", "FORBIDDEN", "RATE_LIMITED"],
  }),
  unfollow: operation({
    method: "DELETE",
    path: "/api/v1/users/:username/follow",
    summary: "Stop following a user (idempotent)",
    description:
      "Answers their profile with the new counts, or 204 when the caller may not see it (a suspended account).",
    tags,
    access: "authenticated",
    params: usernameParams,
    response: { 200: userProfileResponseSchema, 204: z.null() },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  followers: followList("/api/v1/users/:username/followers", "Who follows a user, latest first"),
  following: followList("/api/v1/users/:username/following", "Whom a user follows, latest first"),
};
