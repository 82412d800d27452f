import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import {
  createPrincipalResolver,
  registerAuthRoutes,
  registerInviteRoutes,
  registerMeRoutes,
} from "./modules/accounts/index.ts";
import { registerAdminJobRoutes, registerAdminStatsRoutes, registerAdminUserRoutes } from "./modules/admin/index.ts";
import { registerAuditRoutes } from "./modules/audit/index.ts";
import { registerBlockRoutes } from "./modules/blocks/index.ts";
import { registerInstanceRoutes } from "./modules/instance/index.ts";
import { registerListeningRoutes } from "./modules/listening/index.ts";
import { registerMessageRoutes } from "./modules/messages/index.ts";
import { registerModerationRoutes } from "./modules/moderation/index.ts";
import { registerNotificationRoutes } from "./modules/notifications/index.ts";
import { registerPlaylistRoutes } from "./modules/playlists/index.ts";
import { registerPrivacyRoutes } from "./modules/privacy/index.ts";
import { registerSearchRoutes } from "./modules/search/index.ts";
import { registerSocialRoutes } from "./modules/social/index.ts";
import { registerStreamingRoutes } from "./modules/streaming/index.ts";
import { registerTrackRoutes } from "./modules/tracks/index.ts";
import { registerAccessControl } from "./platform/http/access.ts";
import { handleClientError, handleFrameworkError, registerErrorHandling } from "./platform/http/errors.ts";
import { registerHealth } from "./platform/http/health.ts";
import { registerJsonBodyParser } from "./platform/http/json-body.ts";
import { registerMetrics } from "./platform/http/metrics.ts";
import { registerOpenApi } from "./platform/http/openapi.ts";
import { registerWebApp } from "./platform/http/static-web.ts";
import { fastifyTrustProxy } from "./platform/http/trust-proxy.ts";
import type { ServiceDependencies, Services } from "./services.ts";
import { version } from "./version.ts";

export interface AppDependencies extends ServiceDependencies {
  services: Services;
  /** The built web app to serve at `/`, or null for an API-only app. */
  webDist: string | null;
}

/** The SPA loads only its own scripts; styles may be inline (React style props); media may be blob: (hls.js). */
const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    mediaSrc: ["'self'", "blob:"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** Builds the HTTP app from its dependencies; nothing here is global, so tests build their own. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    // Our path parameters are UUIDs, usernames and sizes: one past 100 characters (Fastify's
    // default, stated here because the 414 URI_TOO_LONG answer relies on it) is refused.
    routerOptions: { maxParamLength: 100 },
    // Errors met before routing, or by Node's HTTP parser, answer with the error envelope too.
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const { accounts, tracks, notifications } = deps.services;
  registerErrorHandling(app);
  registerJsonBodyParser(app);
  await app.register(helmet, { contentSecurityPolicy, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  // Before any route: every route registered after this must declare who may call it.
  registerAccessControl(app, { resolver: createPrincipalResolver(accounts), secrets: accounts.secrets });
  await registerOpenApi(app, version);
  registerMetrics(app, deps.database, deps.config.metricsToken);
  registerHealth(app, deps.database);
  registerInstanceRoutes(app, {
    settings: deps.services.settings,
    database: deps.database,
    logger: deps.logger,
    version,
  });
  registerAuthRoutes(app, accounts, { secureCookies: deps.config.publicUrl.startsWith("https://") });
  registerMeRoutes(app, accounts);
  registerInviteRoutes(app, accounts);
  registerAuditRoutes(app, { database: deps.database, logger: deps.logger });
  registerAdminUserRoutes(app, accounts, tracks);
  registerAdminStatsRoutes(app, { database: deps.database });
  registerAdminJobRoutes(app, { database: deps.database, logger: deps.logger });
  await registerTrackRoutes(app, tracks);
  registerStreamingRoutes(app, tracks);
  registerListeningRoutes(app, deps.services.listening);
  registerPlaylistRoutes(app, deps.database);
  registerSearchRoutes(app, deps.database);
  registerNotificationRoutes(app, notifications);
  registerMessageRoutes(app, notifications);
  registerBlockRoutes(app, deps.services.blocks);
  registerPrivacyRoutes(app, deps.services.privacy);
  registerSocialRoutes(app, deps.services.social);
  registerModerationRoutes(app, deps.services.moderation);
  await registerWebApp(app, deps.webDist);
  return app;
}
