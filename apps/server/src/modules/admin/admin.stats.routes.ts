import { instanceStatsSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../../platform/db/database.ts";
import { readInstanceStats } from "./admin.stats.repo.ts";

export function registerAdminStatsRoutes(app: FastifyInstance, deps: { database: Database }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/admin/stats",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["admin"],
        summary: "Users, signups, tracks, storage, plays, jobs and open reports at a glance",
        response: { 200: instanceStatsSchema },
      },
    },
    // The replica when healthy: a figure a few seconds old is fine here.
    async () => readInstanceStats(deps.database.forRead()),
  );
}
