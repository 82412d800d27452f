import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { withPluginRoutes } from "./access.ts";
import { sendError } from "./errors.ts";

const apiPrefixes = ["/api/", "/healthz", "/readyz", "/metrics"];

/**
 * Serves the built web app and falls back to its index.html for client-side routes.
 * API paths never fall back: an unknown API route is a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(path.join(webDist, "index.html"));
  // The web app's files are the same for everyone; who may see what is the API's business.
  const files = { access: "public", credentials: "none" } as const;
  await withPluginRoutes(app, files, async (scope) => {
    if (hasWeb) {
      await scope.register(fastifyStatic, {
        root: webDist,
        wildcard: false,
        index: ["index.html"],
        setHeaders(res, filePath) {
          // Vite fingerprints everything under assets/: cache it for good.
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            res.header("cache-control", "public, max-age=31536000, immutable");
          } else {
            res.header("cache-control", "no-cache");
          }
        },
      });
    }

    scope.setNotFoundHandler((request, reply) => {
      const isApi = apiPrefixes.some((prefix) => request.url === prefix || request.url.startsWith(prefix));
      const wantsPage = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
      if (hasWeb && !isApi && wantsPage) {
        return reply.header("cache-control", "no-cache").sendFile("index.html");
      }
      return sendError(reply, 404, "NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}`);
    });
  });
}
