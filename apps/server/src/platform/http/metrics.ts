import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/database.ts";
import { sendError } from "./errors.ts";

/**
 * Prometheus metrics on a registry of this app's own (no global state, so tests can
 * build many apps): request durations by route and status, jobs by state, and the read
 * replica's health and the reads that fell back from it to the primary.
 */
export function registerMetrics(app: FastifyInstance, database: Database, token?: string) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: "stave_http_request_duration_seconds",
    help: "HTTP request durations by method, route and status",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: "stave_jobs",
    help: "Jobs in the queue by name and state",
    labelNames: ["name", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await database.primary
        .selectFrom("jobs")
        .select(["name", "state", (eb) => eb.fn.countAll<number>().as("count")])
        .groupBy(["name", "state"])
        .execute();
      for (const row of rows) this.set({ name: row.name, state: row.state }, Number(row.count));
    },
  });

  registerReplicaMetrics(registry, database);

  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, not the URL, so ids do not explode the label set.
    const route = request.routeOptions.url ?? "unmatched";
    requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // The metrics token is this route's own credential; sessions and access tokens play no part.
  app.get(
    "/metrics",
    { schema: { hide: true }, config: { access: "public", credentials: "none" } },
    async (request, reply) => {
      if (token && !bearerMatches(request.headers.authorization, token)) {
        return sendError(reply, 401, "UNAUTHENTICATED", "The metrics token is missing or wrong");
      }
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );

  return registry;
}

/**
 * The Database counts fallbacks itself (it outlives any one app and knows nothing of
 * Prometheus); these metrics read its totals when scraped.
 */
function registerReplicaMetrics(registry: Registry, database: Database) {
  const replica = database.replica;
  new Counter({
    name: "stave_db_read_fallbacks_total",
    help: "Reads meant for the read replica that went to the primary, by reason (down, lagging)",
    labelNames: ["reason"],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ reason: "down" }, replica?.fallbacks.down ?? 0);
      this.inc({ reason: "lagging" }, replica?.fallbacks.lagging ?? 0);
    },
  });
  if (!replica) return;
  new Gauge({
    name: "stave_db_replica_up",
    help: "1 while reads go to the read replica (healthy), 0 while they fall back to the primary",
    registers: [registry],
    collect() {
      this.set(replica.status().state === "healthy" ? 1 : 0);
    },
  });
  new Gauge({
    name: "stave_db_replica_lag_seconds",
    help: "How far the read replica was behind the primary at its last check (0 caught up, NaN unknown)",
    registers: [registry],
    collect() {
      this.set(replica.status().lagSeconds ?? Number.NaN);
    },
  });
}

/** Constant-time check of `Authorization: Bearer <token>`. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
