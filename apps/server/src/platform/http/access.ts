import type {} from "@fastify/cookie";
import type { Role } from "@stave/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { constantTimeEqual, type Secrets } from "../crypto.ts";
import { AppError } from "./errors.ts";

/**
 * Who may call a route. Every /api route must declare one (the app refuses to boot
 * otherwise), so no route is open by omission.
 */
export type Access = "public" | "authenticated" | "creator" | readonly Role[];

export interface Principal {
  userId: string;
  role: Role;
  isVerified: boolean;
  via: "session" | "token";
  /** The session behind a cookie-authenticated request. */
  sessionId: string | null;
}

export interface PrincipalResolver {
  fromSessionToken(token: string, request: FastifyRequest): Promise<Principal | null>;
  fromBearerToken(token: string): Promise<Principal | null>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** False for the unauthenticated auth routes (login, register…), which start sessions rather than use one. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = "stave_session";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const undeclaredAllowed = [/^\/api\/docs/, /^\/api\/openapi\.json$/];

export const csrfTokenFor = (secrets: Secrets, sessionToken: string) => secrets.hmac("csrf", sessionToken);

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return request.principal;
}

export function registerAccessControl(app: FastifyInstance, deps: { resolver: PrincipalResolver; secrets: Secrets }) {
  app.decorateRequest("principal", null);
  app.decorateRequest("sessionToken", null);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || undeclaredAllowed.some((pattern) => pattern.test(route.url))) return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
  });

  app.addHook("onRequest", async (request) => {
    // Only the API knows users; /metrics has its own token, the web app is public.
    if (!request.url.startsWith("/api/")) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      request.principal = await deps.resolver.fromBearerToken(authorization.slice(7).trim());
      if (!request.principal) throw new AppError("UNAUTHENTICATED", "The access token is invalid or revoked");
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      if (sessionToken) {
        request.principal = await deps.resolver.fromSessionToken(sessionToken, request);
        if (request.principal) request.sessionToken = sessionToken;
      }
    }

    const config = request.routeOptions.config;
    const access = config?.access ?? "public";
    const principal = request.principal;
    if (access !== "public" && !principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue");

    if (principal?.via === "session" && !safeMethods.has(request.method) && config?.csrf !== false) {
      const sent = request.headers["x-csrf-token"];
      const expected = csrfTokenFor(deps.secrets, request.sessionToken as string);
      if (typeof sent !== "string" || !constantTimeEqual(sent, expected)) {
        throw new AppError("CSRF_INVALID", "Missing or invalid CSRF token: send the X-CSRF-Token header");
      }
    }

    if (!principal) return;
    if (access === "creator" && principal.role === "user") {
      throw new AppError("CREATOR_ROLE_REQUIRED", "Become a creator to do this (Settings → Account)");
    }
    if (Array.isArray(access) && !access.includes(principal.role)) {
      throw new AppError("FORBIDDEN", "You do not have permission to do this");
    }
  });
}
