import {
  acceptedSchema,
  csrfResponseSchema,
  emailRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  loginTwoFactorRequestSchema,
  registerRequestSchema,
  registerResponseSchema,
  resetPasswordRequestSchema,
  sessionStartedSchema,
  tokenRequestSchema,
  verifyEmailResponseSchema,
} from "@stave/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { csrfTokenFor, principalOf, SESSION_COOKIE } from "../../platform/http/access.ts";
import type { AccountsContext } from "./accounts.context.ts";
import { MAIL_ACCEPTED } from "./accounts.shared.ts";
import { getMe } from "./me.service.ts";
import { requestPasswordReset, resetPassword } from "./passwords.service.ts";
import { register, resendVerification, verifyEmail } from "./registration.service.ts";
import { requestMeta } from "./request-meta.ts";
import { SESSION_TTL_SECONDS, type StartedSession } from "./sessions.service.ts";
import { login, loginWithSecondFactor, logout } from "./sign-in.service.ts";

const tags = ["auth"];
// The unauthenticated entry points start sessions rather than use one: no CSRF token yet.
const open = { access: "public", csrf: false } as const;

export function registerAuthRoutes(app: FastifyInstance, ctx: AccountsContext, options: { secureCookies: boolean }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const cookie = { path: "/", httpOnly: true, sameSite: "lax", secure: options.secureCookies } as const;

  async function signedIn(reply: FastifyReply, userId: string, session: StartedSession) {
    reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...cookie, maxAge: SESSION_TTL_SECONDS });
    return { user: await getMe(ctx, userId), csrfToken: session.csrfToken };
  }

  routes.post(
    "/api/v1/auth/register",
    {
      config: open,
      schema: {
        tags,
        summary: "Create an account",
        body: registerRequestSchema,
        response: { 201: registerResponseSchema },
      },
    },
    async (request, reply) => {
      const user = await register(ctx, request.body, requestMeta(request));
      return reply.status(201).send({ user });
    },
  );

  routes.post(
    "/api/v1/auth/verify-email",
    {
      config: open,
      schema: {
        tags,
        summary: "Verify an email address with the mailed token",
        body: tokenRequestSchema,
        response: { 200: verifyEmailResponseSchema },
      },
    },
    async (request) => {
      await verifyEmail(ctx, request.body.token, requestMeta(request));
      return { verified: true as const };
    },
  );

  routes.post(
    "/api/v1/auth/verify-email/resend",
    {
      config: open,
      schema: {
        tags,
        summary: "Send the verification mail again",
        body: emailRequestSchema,
        response: { 202: acceptedSchema },
      },
    },
    async (request, reply) => {
      await resendVerification(ctx, request.body.email, requestMeta(request));
      return reply.status(202).send({ message: MAIL_ACCEPTED });
    },
  );

  routes.post(
    "/api/v1/auth/login",
    {
      config: open,
      schema: {
        tags,
        summary: "Sign in with email or username and password",
        body: loginRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await login(ctx, request.body, requestMeta(request));
      if (outcome.kind === "challenge") return { twoFactorRequired: true as const, challenge: outcome.challenge };
      return signedIn(reply, outcome.userId, outcome.session);
    },
  );

  routes.post(
    "/api/v1/auth/login/2fa",
    {
      config: open,
      schema: {
        tags,
        summary: "Finish a sign-in with a TOTP or backup code",
        body: loginTwoFactorRequestSchema,
        response: { 200: sessionStartedSchema },
      },
    },
    async (request, reply) => {
      const { userId, session } = await loginWithSecondFactor(ctx, request.body, requestMeta(request));
      return signedIn(reply, userId, session);
    },
  );

  routes.post(
    "/api/v1/auth/logout",
    { config: { access: "authenticated" }, schema: { tags, summary: "Sign out this session" } },
    async (request, reply) => {
      const principal = principalOf(request);
      await logout(ctx, principal.userId, principal.sessionId, requestMeta(request));
      reply.clearCookie(SESSION_COOKIE, cookie);
      return reply.status(204).send();
    },
  );

  routes.get(
    "/api/v1/auth/csrf",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "The CSRF token of this session", response: { 200: csrfResponseSchema } },
    },
    async (request) => {
      if (!request.sessionToken) return { csrfToken: "" };
      return { csrfToken: csrfTokenFor(ctx.secrets, request.sessionToken) };
    },
  );

  routes.post(
    "/api/v1/auth/password/forgot",
    {
      config: open,
      schema: {
        tags,
        summary: "Mail a password reset link",
        body: emailRequestSchema,
        response: { 202: acceptedSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      return reply.status(202).send({ message: MAIL_ACCEPTED });
    },
  );

  routes.post(
    "/api/v1/auth/password/reset",
    {
      config: open,
      schema: { tags, summary: "Set a new password with the mailed token", body: resetPasswordRequestSchema },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
}
