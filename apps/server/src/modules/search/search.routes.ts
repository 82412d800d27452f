import {
  searchQuerySchema,
  searchResponseSchema,
  suggestionsQuerySchema,
  suggestionsResponseSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../platform/db/database.ts";
import { searchCatalog, suggest } from "./search.service.ts";

const tags = ["search"];

export function registerSearchRoutes(app: FastifyInstance, database: Database) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const databases = () => ({ forRead: database.forRead(), primary: database.primary });

  routes.get(
    "/api/v1/search",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Search tracks, creators and playlists",
        description:
          "Accent- and case-insensitive; the last word also matches as a prefix; misspelt words are corrected " +
          '(see `correctedQuery`); `"quoted words"` must appear together. Only what the caller may see.',
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema },
      },
    },
    async (request) => searchCatalog(databases(), request.query, request.principal?.userId ?? null),
  );

  routes.get(
    "/api/v1/search/suggestions",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Suggestions for the search box while typing: creators, then track titles",
        querystring: suggestionsQuerySchema,
        response: { 200: suggestionsResponseSchema },
      },
    },
    async (request) => ({ suggestions: await suggest(databases(), request.query.q, request.query.limit) }),
  );
}
