import { api } from "@stave/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { AccountsContext } from "../accounts/index.ts";
import type { MediaMoverDeps } from "../tracks/index.ts";
import type { AdminActor } from "./admin.actor.ts";
import { forcePasswordReset, suspendUser, unsuspendUser } from "./admin.suspension.service.ts";
import {
  changeUserRole,
  getUserDetail,
  resendVerificationFor,
  searchUsers,
  setStorageQuota,
} from "./admin.users.service.ts";

const actorOf = (request: FastifyRequest): AdminActor => ({
  userId: principalOf(request).userId,
  ...requestMeta(request),
});

/**
 * User administration, for admins only. Each action answers with the account as it now is,
 * so the admin's page shows the outcome without asking again.
 */
export function registerAdminUserRoutes(app: FastifyInstance, accounts: AccountsContext, media: MediaMoverDeps) {
  const detail = (id: string) => getUserDetail(accounts, id);

  serve(app, api.adminUsers.search, async (request) => searchUsers(accounts, request.query));

  serve(app, api.adminUsers.get, async (request) => detail(request.params.id));

  serve(app, api.adminUsers.changeRole, async (request) =>
    changeUserRole(accounts, actorOf(request), request.params.id, request.body),
  );

  serve(app, api.adminUsers.suspend, async (request) => {
    const deps = { database: accounts.database, logger: accounts.logger, media };
    await suspendUser(deps, actorOf(request), request.params.id, request.body.reason);
    return detail(request.params.id);
  });

  // The actions that take nothing but the account: one route each, answered the same way.
  const actions = [
    [api.adminUsers.unsuspend, unsuspendUser],
    [api.adminUsers.forcePasswordReset, forcePasswordReset],
    [api.adminUsers.resendVerification, resendVerificationFor],
  ] as const;
  for (const [operation, run] of actions) {
    serve(app, operation, async (request) => {
      await run(accounts, actorOf(request), request.params.id);
      return detail(request.params.id);
    });
  }

  serve(app, api.adminUsers.setQuota, async (request) => {
    await setStorageQuota(accounts, actorOf(request), request.params.id, request.body.storageQuotaBytes);
    return detail(request.params.id);
  });
}
