import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { serve } from "../../platform/http/operations.ts";
import { searchCatalog, suggest } from "./search.service.ts";

export function registerSearchRoutes(app: FastifyInstance, database: Database) {
  const databases = () => ({ forRead: database.forRead(), primary: database.primary });

  serve(app, api.search.search, async (request) =>
    searchCatalog(databases(), request.query, request.principal?.userId ?? null),
  );

  serve(app, api.search.suggestions, async (request) => ({
    suggestions: await suggest(databases(), request.query.q, request.query.limit),
  }));
}
