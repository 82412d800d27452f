import { z } from "zod";
import { operation } from "../operation.ts";
import { trackOwnerSchema } from "../tracks.ts";
import { usernameParams } from "./follows.ts";

const tags = ["social"] as const;

/** Blocking someone: they are not told. */
export const blocksOperations = {
  list: operation({
    method: "GET",
    path: "/api/v1/me/blocks",
    summary: "People I have blocked",
    tags,
    access: "authenticated",
    response: { 200: z.object({ items: z.array(trackOwnerSchema) }) },
    errors: [],
  }),
  block: operation({
    method: "PUT",
    path: "/api/v1/me/blocks/:username",
    summary: "Block a user",
    tags,
    access: "authenticated",
    params: usernameParams,
    response: {},
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "BAD_REQUEST"],
  }),
  unblock: operation({
    method: "DELETE",
    path: "/api/v1/me/blocks/:username",
    summary: "Unblock a user",
    tags,
    access: "authenticated",
    params: usernameParams,
    response: {},
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
};
