import { instanceInfoSchema } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** Public facts about this instance, for the web shell before anyone signs in. */
export function registerInstanceRoutes(app: FastifyInstance, info: { siteName: string; version: string }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/instance",
    {
      config: { access: "public" },
      schema: { tags: ["instance"], summary: "Instance name and version", response: { 200: instanceInfoSchema } },
    },
    async () => ({ name: info.siteName, version: info.version }),
  );
}
