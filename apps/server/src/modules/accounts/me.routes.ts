import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { notFound } from "../../platform/http/errors.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { updateProfile } from "./accounts.repo.ts";
import { getMe, upgradeToCreator } from "./me.service.ts";
import { changePassword } from "./passwords.service.ts";
import { listLiveSessions, revokeSessions } from "./sessions.repo.ts";
import { accessTokens } from "./sessions.service.ts";
import * as twoFactor from "./two-factor.service.ts";

export function registerMeRoutes(app: FastifyInstance, ctx: AccountsContext) {
  const db = ctx.database.primary;

  serve(app, api.me.current, async (request) => getMe(ctx, principalOf(request).userId));

  serve(app, api.me.updateProfile, async (request) => {
    const { userId } = principalOf(request);
    await updateProfile(db, userId, request.body);
    return getMe(ctx, userId);
  });

  serve(app, api.me.changePassword, async (request, reply) => {
    const principal = principalOf(request);
    await changePassword(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
    return reply.status(204).send();
  });

  serve(app, api.me.upgradeToCreator, async (request) =>
    upgradeToCreator(ctx, principalOf(request).userId, requestMeta(request)),
  );

  serve(app, api.me.sessions, async (request) => {
    const principal = principalOf(request);
    const sessions = await listLiveSessions(db, principal.userId);
    return {
      items: sessions.map((session) => ({
        id: session.id,
        current: session.id === principal.sessionId,
        createdAt: new Date(session.created_at).toISOString(),
        lastSeenAt: new Date(session.last_seen_at).toISOString(),
        ip: session.ip,
        userAgent: session.user_agent,
      })),
    };
  });

  serve(app, api.me.revokeSession, async (request, reply) => {
    const revoked = await revokeSessions(db, principalOf(request).userId, { only: request.params.id });
    if (revoked === 0) throw notFound("Session");
    return reply.status(204).send();
  });

  serve(app, api.me.tokens, async (request) => ({
    items: await accessTokens.list(ctx, principalOf(request).userId),
  }));

  serve(app, api.me.createToken, async (request, reply) =>
    reply.status(201).send(await accessTokens.create(ctx, principalOf(request), request.body, requestMeta(request))),
  );

  serve(app, api.me.revokeToken, async (request, reply) => {
    const { userId } = principalOf(request);
    if (!(await accessTokens.revoke(ctx, userId, request.params.id, requestMeta(request)))) throw notFound("Token");
    return reply.status(204).send();
  });

  serve(app, api.me.startTwoFactorSetup, async (request) =>
    twoFactor.beginTwoFactorSetup(ctx, principalOf(request).userId),
  );

  serve(app, api.me.enableTwoFactor, async (request) => {
    const principal = principalOf(request);
    return twoFactor.enableTwoFactor(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
  });

  serve(app, api.me.disableTwoFactor, async (request, reply) => {
    const principal = principalOf(request);
    await twoFactor.disableTwoFactor(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
    return reply.status(204).send();
  });

  serve(app, api.me.regenerateBackupCodes, async (request) =>
    twoFactor.regenerateBackupCodes(ctx, principalOf(request).userId, request.body, requestMeta(request)),
  );
}
