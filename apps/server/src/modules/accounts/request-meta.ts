import type { FastifyRequest } from "fastify";
import type { RequestMeta } from "./accounts.context.ts";

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip ?? null,
  userAgent: request.headers["user-agent"]?.slice(0, 512) ?? null,
});
