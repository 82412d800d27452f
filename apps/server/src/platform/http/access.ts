import type {} from "@fastify/cookie";
import type { Role, TokenScope } from "@stave/contracts";
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from "fastify";
import { constantTimeEqual, type Secrets } from "../crypto.ts";
import { AppError } from "./errors.ts";

/**
 * Who may call a route. Every route must declare one (the app refuses to boot otherwise), so
 * no route is open by omission. A list of roles is a staff route: tokens reach it only with
 * the `admin` scope.
 */
export type Access = "public" | "authenticated" | "creator" | readonly Role[];

/**
 * Which credentials a route reads. `stave` (the default): the session cookie or a personal
 * access token, resolved before the handler. `none`: the route has its own proof (a signed
 * media URL, the metrics token) or serves files anyone may have, so Stave's are not looked up.
 */
export type Credentials = "stave" | "none";

export interface Principal {
  userId: string;
  role: Role;
  isVerified: boolean;
  via: "session" | "token";
  /** The session behind a cookie-authenticated request. */
  sessionId: string | null;
  /** What a personal access token may do; null for a session, which may do all its role allows. */
  scopes: readonly TokenScope[] | null;
}

export interface PrincipalResolver {
  fromSessionToken(token: string, request: FastifyRequest): Promise<Principal | null>;
  fromBearerToken(token: string): Promise<Principal | null>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    credentials?: Credentials;
    /** False for the unauthenticated auth routes (login, register…), which start sessions rather than use one. */
    csrf?: boolean;
    /** The token scope the route needs instead of the method's `read` / `write` (uploads need `upload`). */
    scope?: TokenScope;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    /** Inside `withPluginRoutes`: the policy for routes a third-party plugin registers there. */
    pluginRoutePolicy: RoutePolicy | null;
  }
}

/** A route's access policy as the access hook applies it; the route-table tests walk these. */
export interface RoutePolicy {
  access: Access;
  credentials: Credentials;
  csrf: boolean;
  scope: TokenScope | null;
}

export interface PolicedRoute extends RoutePolicy {
  method: string;
  url: string;
}

export const SESSION_COOKIE = "stave_session";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const policedRoutes = new WeakMap<FastifyInstance, PolicedRoute[]>();

export const csrfTokenFor = (secrets: Secrets, sessionToken: string) => secrets.hmac("csrf", sessionToken);

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return request.principal;
}

/** Every route the app registered, with the policy the access hook enforces for it. */
export const routePolicies = (app: FastifyInstance): readonly PolicedRoute[] => policedRoutes.get(app) ?? [];

/** Whether the policy is a list of roles (staff routes list moderator and/or admin). */
const isStaffRoute = (access: Access): access is readonly Role[] => Array.isArray(access);

/** The scopes a personal access token needs for this route and method. */
export function scopesNeeded(policy: RoutePolicy, method: string): TokenScope[] {
  const needed: TokenScope[] = [policy.scope ?? (safeMethods.has(method) ? "read" : "write")];
  if (isStaffRoute(policy.access)) needed.push("admin");
  return needed;
}

/**
 * Registers a third-party plugin (the docs UI, static files) whose routes cannot carry our
 * config: the routes it adds inside get `policy`, and nothing outside is affected.
 */
export async function withPluginRoutes(
  app: FastifyInstance,
  policy: Pick<RoutePolicy, "access" | "credentials">,
  register: (scope: FastifyInstance) => Promise<void>,
) {
  await app.register(async (scope) => {
    scope.pluginRoutePolicy = { ...policy, csrf: true, scope: null };
    await register(scope);
  });
}

function policyOf(config: FastifyContextConfig | undefined, pluginPolicy: RoutePolicy | null): RoutePolicy | null {
  if (!config?.access) return pluginPolicy;
  return {
    access: config.access,
    credentials: config.credentials ?? "stave",
    csrf: config.csrf !== false,
    scope: config.scope ?? null,
  };
}

async function resolvePrincipal(request: FastifyRequest, resolver: PrincipalResolver): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined && /^bearer /i.test(authorization)) {
    const principal = await resolver.fromBearerToken(authorization.slice(7).trim());
    if (!principal) throw new AppError("UNAUTHENTICATED", "The access token is invalid, expired or revoked");
    return principal;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return null;
  const principal = await resolver.fromSessionToken(sessionToken, request);
  if (principal) request.sessionToken = sessionToken;
  return principal;
}

function checkCsrf(request: FastifyRequest, secrets: Secrets) {
  const sent = request.headers["x-csrf-token"];
  const expected = csrfTokenFor(secrets, request.sessionToken as string);
  if (typeof sent !== "string" || !constantTimeEqual(sent, expected)) {
    throw new AppError("CSRF_INVALID", "Missing or invalid CSRF token: send the X-CSRF-Token header");
  }
}

function checkRole(policy: RoutePolicy, principal: Principal) {
  const { access } = policy;
  if (access === "creator" && principal.role === "user") {
    throw new AppError("CREATOR_ROLE_REQUIRED", "Become a creator to do this (Settings → Account)");
  }
  if (isStaffRoute(access) && !access.includes(principal.role)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do this");
  }
}

function checkScopes(policy: RoutePolicy, principal: Principal, method: string) {
  if (principal.scopes === null) return;
  const missing = scopesNeeded(policy, method).filter((scope) => !principal.scopes?.includes(scope));
  if (missing.length > 0) {
    throw new AppError("FORBIDDEN", `This access token lacks the ${missing.join(" and ")} scope`);
  }
}

/**
 * The principal as its token may act: without the `admin` scope, an admin's or a moderator's
 * token has no staff power anywhere (not only on staff routes: visibility rules, downloads),
 * so a leaked read-only token cannot read everyone's private tracks. What staff can do
 * besides their staff powers, a creator can do too.
 */
function withinTokenScopes(principal: Principal): Principal {
  const isStaff = principal.role === "admin" || principal.role === "moderator";
  if (!isStaff || principal.scopes === null || principal.scopes.includes("admin")) return principal;
  return { ...principal, role: "creator" };
}

/**
 * Access control decided by the route the router matched, whatever the spelling of the URL
 * (`/%61pi/…`, an absolute-form target): the policy is read from `request.routeOptions`,
 * never from the raw URL. A matched route without a policy cannot exist (registration
 * refuses it), and if one ever did, the request is refused, not let through.
 */
export function registerAccessControl(app: FastifyInstance, deps: { resolver: PrincipalResolver; secrets: Secrets }) {
  app.decorateRequest("principal", null);
  app.decorateRequest("sessionToken", null);
  app.decorate("pluginRoutePolicy", null);
  const table: PolicedRoute[] = [];
  policedRoutes.set(app, table);

  app.addHook("onRoute", function declarePolicy(this: FastifyInstance, route) {
    const policy = policyOf(route.config, this.pluginRoutePolicy);
    const methods = [route.method].flat().join(",");
    if (!policy) throw new Error(`Route ${methods} ${route.url} declares no access policy`);
    // Without Stave's credentials nobody has a role: such a route can only be public.
    if (policy.credentials === "none" && policy.access !== "public") {
      throw new Error(`Route ${methods} ${route.url} reads no credentials, so its access must be public`);
    }
    route.config = { ...route.config, ...policy, scope: policy.scope ?? undefined };
    for (const method of [route.method].flat()) table.push({ method, url: route.url as string, ...policy });
  });

  app.addHook("onRequest", async (request) => {
    // No route matched: the not-found handler answers 404 and reads nobody's data.
    if (request.is404) return;
    const policy = policyOf(request.routeOptions.config, null);
    if (!policy) throw new AppError("FORBIDDEN", "This route has no access policy");
    if (policy.credentials === "none") return;

    const resolved = await resolvePrincipal(request, deps.resolver);
    if (resolved?.via === "session" && policy.csrf && !safeMethods.has(request.method)) {
      checkCsrf(request, deps.secrets);
    }
    // A token acts only within its scopes, on public routes too (a read-only token cannot comment).
    if (resolved) checkScopes(policy, resolved, request.method);
    const principal = resolved && withinTokenScopes(resolved);
    request.principal = principal;
    if (policy.access === "public") return;
    if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    checkRole(policy, principal);
  });
}
