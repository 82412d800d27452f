import { api } from "@stave/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import { csrfTokenFor, principalOf, SESSION_COOKIE } from "../../platform/http/access.ts";
import { serve } from "../../platform/http/operations.ts";
import { requestMeta } from "../../platform/http/request-meta.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { MAIL_ACCEPTED } from "./accounts.shared.ts";
import { getMe } from "./me.service.ts";
import { requestPasswordReset, resetPassword } from "./passwords.service.ts";
import { register, resendVerification, verifyEmail } from "./registration.service.ts";
import { SESSION_TTL_SECONDS, type StartedSession } from "./sessions.service.ts";
import { login, loginWithSecondFactor, logout } from "./sign-in.service.ts";

export function registerAuthRoutes(app: FastifyInstance, ctx: AccountsContext, options: { secureCookies: boolean }) {
  const cookie = { path: "/", httpOnly: true, sameSite: "lax", secure: options.secureCookies } as const;

  async function signedIn(reply: FastifyReply, userId: string, session: StartedSession) {
    reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...cookie, maxAge: SESSION_TTL_SECONDS });
    return { user: await getMe(ctx, userId), csrfToken: session.csrfToken };
  }

  serve(app, api.auth.register, async (request, reply) => {
    const user = await register(ctx, request.body, requestMeta(request));
    return reply.status(201).send({ user });
  });

  serve(app, api.auth.verifyEmail, async (request) => {
    await verifyEmail(ctx, request.body.token, requestMeta(request));
    return { verified: true as const };
  });

  serve(app, api.auth.resendVerification, async (request, reply) => {
    await resendVerification(ctx, request.body.email, requestMeta(request));
    return reply.status(202).send({ message: MAIL_ACCEPTED });
  });

  serve(app, api.auth.login, async (request, reply) => {
    const outcome = await login(ctx, request.body, requestMeta(request));
    if (outcome.kind === "challenge") return { twoFactorRequired: true as const, challenge: outcome.challenge };
    return signedIn(reply, outcome.userId, outcome.session);
  });

  serve(app, api.auth.loginTwoFactor, async (request, reply) => {
    const { userId, session } = await loginWithSecondFactor(ctx, request.body, requestMeta(request));
    return signedIn(reply, userId, session);
  });

  serve(app, api.auth.logout, async (request, reply) => {
    const principal = principalOf(request);
    await logout(ctx, principal.userId, principal.sessionId, requestMeta(request));
    reply.clearCookie(SESSION_COOKIE, cookie);
    return reply.status(204).send();
  });

  serve(app, api.auth.csrf, async (request) => {
    if (!request.sessionToken) return { csrfToken: "" };
    return { csrfToken: csrfTokenFor(ctx.secrets, request.sessionToken) };
  });

  serve(app, api.auth.forgotPassword, async (request, reply) => {
    await requestPasswordReset(ctx, request.body.email, requestMeta(request));
    return reply.status(202).send({ message: MAIL_ACCEPTED });
  });

  serve(app, api.auth.resetPassword, async (request, reply) => {
    await resetPassword(ctx, request.body, requestMeta(request));
    return reply.status(204).send();
  });
}
