import {
  adminUserDetailSchema,
  adminUserPageSchema,
  adminUserQuerySchema,
  quotaOverrideRequestSchema,
  roleChangeRequestSchema,
  roleChangeResponseSchema,
  suspendRequestSchema,
} from "@stave/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import type { AccountsContext } from "../accounts/accounts.context.ts";
import { requestMeta } from "../accounts/request-meta.ts";
import type { MediaMoverDeps } from "../moderation/media-moves.ts";
import type { AdminActor } from "./admin.actor.ts";
import { forcePasswordReset, suspendUser, unsuspendUser } from "./admin.suspension.service.ts";
import {
  changeUserRole,
  getUserDetail,
  resendVerificationFor,
  searchUsers,
  setStorageQuota,
} from "./admin.users.service.ts";

const tags = ["admin"];
const adminOnly = { access: ["admin" as const] };
const userParams = z.object({ id: z.uuid() });

const actorOf = (request: FastifyRequest): AdminActor => ({
  userId: principalOf(request).userId,
  ...requestMeta(request),
});

/**
 * User administration, for admins only. Each action answers with the account as it now is,
 * so the admin's page shows the outcome without asking again.
 */
export function registerAdminUserRoutes(app: FastifyInstance, accounts: AccountsContext, media: MediaMoverDeps) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const detail = (id: string) => getUserDetail(accounts, id);

  routes.get(
    "/api/v1/admin/users",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Find accounts by email or username, role and state; newest first",
        querystring: adminUserQuerySchema,
        response: { 200: adminUserPageSchema },
      },
    },
    async (request) => searchUsers(accounts, request.query),
  );

  routes.get(
    "/api/v1/admin/users/:id",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "One account: profile, tracks, storage, quota, sessions",
        params: userParams,
        response: { 200: adminUserDetailSchema },
      },
    },
    async (request) => detail(request.params.id),
  );

  routes.put(
    "/api/v1/admin/users/:id/role",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Set a user's role, if it is still the role the admin saw",
        params: userParams,
        body: roleChangeRequestSchema,
        response: { 200: roleChangeResponseSchema },
      },
    },
    async (request) => changeUserRole(accounts, actorOf(request), request.params.id, request.body),
  );

  routes.post(
    "/api/v1/admin/users/:id/suspend",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Suspend an account: no sign-in, signed out everywhere, tracks hidden",
        params: userParams,
        body: suspendRequestSchema,
        response: { 200: adminUserDetailSchema },
      },
    },
    async (request) => {
      const deps = { database: accounts.database, logger: accounts.logger, media };
      await suspendUser(deps, actorOf(request), request.params.id, request.body.reason);
      return detail(request.params.id);
    },
  );

  // The actions that take nothing but the account: one route each, answered the same way.
  const actions = [
    ["unsuspend", "Lift a suspension; tracks a moderator took down stay hidden", unsuspendUser],
    ["force-password-reset", "Make the current password stop working and mail a reset link", forcePasswordReset],
    ["resend-verification", "Mail the verification link again", resendVerificationFor],
  ] as const;
  for (const [action, summary, run] of actions) {
    routes.post(
      `/api/v1/admin/users/:id/${action}`,
      {
        config: adminOnly,
        schema: { tags, summary, params: userParams, response: { 200: adminUserDetailSchema } },
      },
      async (request) => {
        await run(accounts, actorOf(request), request.params.id);
        return detail(request.params.id);
      },
    );
  }

  routes.put(
    "/api/v1/admin/users/:id/quota",
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Set the user's own storage quota; null returns them to the instance default",
        params: userParams,
        body: quotaOverrideRequestSchema,
        response: { 200: adminUserDetailSchema },
      },
    },
    async (request) => {
      await setStorageQuota(accounts, actorOf(request), request.params.id, request.body.storageQuotaBytes);
      return detail(request.params.id);
    },
  );
}
