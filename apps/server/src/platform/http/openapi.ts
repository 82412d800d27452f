import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { withPluginRoutes } from "./access.ts";

/** OpenAPI 3.1 generated from the routes' zod schemas, at /api/openapi.json, with a docs page. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Stave API", version, description: "The HTTP API of a Stave instance." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "stave_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The API's description is public, as its docs page is.
  const anyone = { access: "public", credentials: "none" } as const;
  await withPluginRoutes(app, anyone, async (scope) => {
    await scope.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  });
  app.get("/api/openapi.json", { schema: { hide: true }, config: anyone }, async () => app.swagger());
}
