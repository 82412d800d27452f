import {
  backupCodesSchema,
  changePasswordRequestSchema,
  createdTokenSchema,
  createTokenRequestSchema,
  meSchema,
  personalTokenListSchema,
  regenerateBackupCodesRequestSchema,
  sessionListSchema,
  twoFactorDisableRequestSchema,
  twoFactorEnableRequestSchema,
  twoFactorSetupSchema,
  updateProfileRequestSchema,
  upgradeCreatorResponseSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { notFound } from "../../platform/http/errors.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { updateProfile } from "./accounts.repo.ts";
import { getMe, upgradeToCreator } from "./me.service.ts";
import { changePassword } from "./passwords.service.ts";
import { requestMeta } from "./request-meta.ts";
import { listLiveSessions, revokeSessions } from "./sessions.repo.ts";
import { accessTokens } from "./sessions.service.ts";
import * as twoFactor from "./two-factor.service.ts";

const tags = ["me"];
const signedIn = { access: "authenticated" } as const;
const idParams = z.object({ id: z.uuid() });

export function registerMeRoutes(app: FastifyInstance, ctx: AccountsContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.primary;

  routes.get(
    "/api/v1/users/me",
    { config: signedIn, schema: { tags, summary: "The signed-in user", response: { 200: meSchema } } },
    async (request) => getMe(ctx, principalOf(request).userId),
  );

  routes.patch(
    "/api/v1/users/me",
    {
      config: signedIn,
      schema: { tags, summary: "Update my profile", body: updateProfileRequestSchema, response: { 200: meSchema } },
    },
    async (request) => {
      const { userId } = principalOf(request);
      await updateProfile(db, userId, request.body);
      return getMe(ctx, userId);
    },
  );

  routes.put(
    "/api/v1/users/me/password",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Change my password (signs out my other sessions, revokes my tokens)",
        body: changePasswordRequestSchema,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await changePassword(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  routes.post(
    "/api/v1/users/me/upgrade-creator",
    {
      config: signedIn,
      schema: { tags, summary: "Become a creator (one-way)", response: { 200: upgradeCreatorResponseSchema } },
    },
    async (request) => upgradeToCreator(ctx, principalOf(request).userId, requestMeta(request)),
  );

  routes.get(
    "/api/v1/users/me/sessions",
    { config: signedIn, schema: { tags, summary: "My signed-in sessions", response: { 200: sessionListSchema } } },
    async (request) => {
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
    },
  );

  routes.delete(
    "/api/v1/users/me/sessions/:id",
    { config: signedIn, schema: { tags, summary: "Sign out one of my sessions", params: idParams } },
    async (request, reply) => {
      const revoked = await revokeSessions(db, principalOf(request).userId, { only: request.params.id });
      if (revoked === 0) throw notFound("Session");
      return reply.status(204).send();
    },
  );

  routes.get(
    "/api/v1/users/me/tokens",
    {
      config: signedIn,
      schema: { tags, summary: "My personal access tokens", response: { 200: personalTokenListSchema } },
    },
    async (request) => ({
      items: await accessTokens.list(ctx, principalOf(request).userId),
    }),
  );

  routes.post(
    "/api/v1/users/me/tokens",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Create a personal access token (shown once; needs the password, or a 2FA code when 2FA is on)",
        description:
          "Scopes default to `read`; `admin` is for administrators and moderators only. " +
          "`expiresInDays` omitted: the token never expires. Only from a cookie session, not with a token, " +
          "and with a verified email address (403 EMAIL_NOT_VERIFIED).",
        body: createTokenRequestSchema,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accessTokens.create(ctx, principalOf(request), request.body, requestMeta(request))),
  );

  routes.delete(
    "/api/v1/users/me/tokens/:id",
    { config: signedIn, schema: { tags, summary: "Revoke a personal access token", params: idParams } },
    async (request, reply) => {
      const { userId } = principalOf(request);
      if (!(await accessTokens.revoke(ctx, userId, request.params.id, requestMeta(request)))) throw notFound("Token");
      return reply.status(204).send();
    },
  );

  routes.post(
    "/api/v1/users/me/2fa/setup",
    { config: signedIn, schema: { tags, summary: "Start two-factor setup", response: { 200: twoFactorSetupSchema } } },
    async (request) => twoFactor.beginTwoFactorSetup(ctx, principalOf(request).userId),
  );

  routes.post(
    "/api/v1/users/me/2fa/enable",
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          "Confirm a code and the current password, and turn two-factor on (revokes my tokens and other sessions)",
        body: twoFactorEnableRequestSchema,
        response: { 200: backupCodesSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return twoFactor.enableTwoFactor(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
    },
  );

  routes.post(
    "/api/v1/users/me/2fa/disable",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Turn two-factor off (password and code; revokes my tokens and other sessions)",
        body: twoFactorDisableRequestSchema,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await twoFactor.disableTwoFactor(ctx, principal.userId, principal.sessionId, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  routes.post(
    "/api/v1/users/me/2fa/backup-codes",
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Replace my backup codes (needs a 2FA code)",
        body: regenerateBackupCodesRequestSchema,
        response: { 200: backupCodesSchema },
      },
    },
    async (request) =>
      twoFactor.regenerateBackupCodes(ctx, principalOf(request).userId, request.body, requestMeta(request)),
  );
}
