import { z } from "zod";
import { createdInviteSchema, createInviteRequestSchema, inviteCodeListSchema } from "../admin.ts";
import { operation } from "../operation.ts";

const tags = ["admin"];
const admins = ["admin"] as const;

/** Invite codes for invite-only registration. */
export const invitesOperations = {
  create: operation({
    method: "POST",
    path: "/api/v1/admin/invites",
    summary: "Make an invite code (the code is shown only in this answer)",
    tags,
    access: admins,
    body: createInviteRequestSchema,
    response: { 201: createdInviteSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
  list: operation({
    method: "GET",
    path: "/api/v1/admin/invites",
    summary: "Invite codes, newest first",
    tags,
    access: admins,
    response: { 200: inviteCodeListSchema },
    errors: ["FORBIDDEN"],
  }),
  revoke: operation({
    method: "DELETE",
    path: "/api/v1/admin/invites/:id",
    summary: "Revoke an invite code",
    tags,
    access: admins,
    params: z.object({ id: z.uuid() }),
    response: {},
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
  }),
};
