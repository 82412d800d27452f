import { createdInviteSchema, createInviteRequestSchema, inviteCodeListSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { createInvite, listInviteCodes, revokeInviteCode } from "./invites.service.ts";
import { requestMeta } from "./request-meta.ts";

const tags = ["admin"];
const adminOnly = { access: ["admin"] as const };

/** Invite codes for invite-only registration (admins). */
export function registerInviteRoutes(app: FastifyInstance, ctx: AccountsContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/api/v1/admin/invites",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Make an invite code (the code is shown only in this answer)",
        body: createInviteRequestSchema,
        response: { 201: createdInviteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvite(ctx, principalOf(request).userId, request.body, requestMeta(request))),
  );

  routes.get(
    "/api/v1/admin/invites",
    {
      config: adminOnly,
      schema: { tags, summary: "Invite codes, newest first", response: { 200: inviteCodeListSchema } },
    },
    async () => listInviteCodes(ctx),
  );

  routes.delete(
    "/api/v1/admin/invites/:id",
    {
      config: adminOnly,
      schema: { tags, summary: "Revoke an invite code", params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      await revokeInviteCode(ctx, principalOf(request).userId, request.params.id, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
