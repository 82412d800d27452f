import { healthSchema, readinessSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Database } from "../db/database.ts";

/** Load balancers probe these without credentials. */
const operations = { access: "public", credentials: "none" } as const;

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export function registerHealth(app: FastifyInstance, database: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/healthz",
    { schema: { tags: ["operations"], response: { 200: healthSchema } }, config: operations },
    async () => ({
      status: "ok" as const,
    }),
  );
  typed.get(
    "/readyz",
    {
      schema: { tags: ["operations"], response: { 200: readinessSchema, 503: readinessSchema } },
      config: operations,
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(database.primary);
        return { status: "ready" as const, checks: { database: "ok" as const } };
      } catch (error) {
        request.log.warn({ err: error }, "readiness check: database unreachable");
        return reply.status(503).send({ status: "not_ready", checks: { database: "down" } });
      }
    },
  );
}
