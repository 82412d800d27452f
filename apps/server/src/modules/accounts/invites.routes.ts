import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { createInvite, listInviteCodes, revokeInviteCode } from "./invites.service.ts";

/** Invite codes for invite-only registration (admins). */
export function registerInviteRoutes(app: FastifyInstance, ctx: AccountsContext) {
  serve(app, api.invites.create, async (request, reply) =>
    reply.status(201).send(await createInvite(ctx, principalOf(request).userId, request.body, requestMeta(request))),
  );

  serve(app, api.invites.list, async () => listInviteCodes(ctx));

  serve(app, api.invites.revoke, async (request, reply) => {
    await revokeInviteCode(ctx, principalOf(request).userId, request.params.id, requestMeta(request));
    return reply.status(204).send();
  });
}
