import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../platform/db/database.ts";
import { serve } from "../../platform/http/operations.ts";
import { readInstanceStats } from "./admin.stats.repo.ts";

export function registerAdminStatsRoutes(app: FastifyInstance, deps: { database: Database }) {
  // The replica when healthy: a figure a few seconds old is fine here.
  serve(app, api.adminStats.overview, async () => readInstanceStats(deps.database.forRead()));
}
