import http from "node:http";
import type { AddressInfo } from "node:net";
import { errorEnvelopeSchema, type Role } from "@stave/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/app.ts";
import { buildMember, type Member } from "../../../test/listening.ts";
import { type PolicedRoute, routePolicies } from "./access.ts";

/**
 * The access policy of every registered route, tried as an attacker would: each role that the
 * policy does not allow, under every spelling of the URL that one router or another treats as
 * the same path. Generated from the route table, so a new route is covered the day it lands.
 */

type Caller = "anonymous" | Role;
const callers: readonly Caller[] = ["anonymous", "user", "creator", "moderator", "admin"];
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const someId = "0b7e2c1a-5d2f-4a8e-9c3b-2f1d6e7a8b90";

function allows(route: PolicedRoute, caller: Caller): boolean {
  if (route.access === "public") return true;
  if (caller === "anonymous") return false;
  if (route.access === "authenticated") return true;
  if (route.access === "creator") return caller !== "user";
  return route.access.includes(caller);
}

/** A concrete path for a route pattern: ids for parameters, a name for wildcards. */
const concretePath = (url: string) =>
  url.replace(/:[A-Za-z]+/g, (name) => (/id$/i.test(name) ? someId : "someone")).replace(/\*$/, "x");

const escapeChar = (char: string, upper = false) => {
  const hex = char.charCodeAt(0).toString(16);
  return `%${upper ? hex.toUpperCase() : hex}`;
};

/** Spellings of one path that decode, normalise or proxy to the same path somewhere. */
function spellingsOf(path: string): string[] {
  const segments = path.split("/");
  const spellings = new Set<string>([path]);
  // One escaped letter in each segment in turn, and every letter escaped.
  segments.forEach((segment, index) => {
    const at = segment.search(/[a-z]/i);
    if (at < 0) return;
    const escaped = [...segments];
    escaped[index] = segment.slice(0, at) + escapeChar(segment[at] as string) + segment.slice(at + 1);
    spellings.add(escaped.join("/"));
  });
  spellings.add(path.replace(/[a-z]/gi, (char) => escapeChar(char, true)));
  spellings.add(path.replace("/api/", "/%61%70%69/"));
  spellings.add(path.replace("/api/", "/%2561pi/"));
  spellings.add(path.replace("/api/", "/API/"));
  spellings.add(path.replace("/api/", "/Api/"));
  spellings.add(`/${path}`);
  spellings.add(path.replaceAll("/", "//"));
  spellings.add(path.replace("/api/", "/./api/"));
  spellings.add(path.replace("/api/", "/api/./"));
  spellings.add(path.replace("/api/", "/x/../api/"));
  spellings.add(`${path}/`);
  spellings.add(`${path}?`);
  spellings.add(`${path}#x`);
  spellings.add(`${path};x`);
  spellings.add(`http://x${path}`);
  spellings.add(`https://stave.example${path.replace("/api/", "/%61pi/")}`);
  return [...spellings];
}

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** A raw request: the target goes on the wire exactly as written (no URL normalisation). */
function send(port: number, method: string, target: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const withBody = unsafeMethods.has(method);
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: target,
        agent,
        headers: { ...headers, ...(withBody ? { "content-type": "application/json", "content-length": "2" } : {}) },
      },
      (response) => {
        const contentType = String(response.headers["content-type"] ?? "");
        // An event stream that opened would never end: its status is the answer.
        if (contentType.startsWith("text/event-stream")) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, body: "", contentType });
          return;
        }
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, contentType }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(withBody ? "{}" : undefined);
  });
}

function hasEnvelope(answer: Answer): boolean {
  try {
    return errorEnvelopeSchema.safeParse(JSON.parse(answer.body)).success;
  } catch {
    return false;
  }
}

/** Runs `tasks` a few at a time, in order of their results. */
async function inBatches<T>(tasks: (() => Promise<T>)[], width = 8): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += width) {
    results.push(...(await Promise.all(tasks.slice(start, start + width).map((task) => task()))));
  }
  return results;
}

describe("access by the matched route", () => {
  const t = useTestApp();
  let port: number;
  const members = new Map<Caller, Member>();
  let routes: PolicedRoute[];

  beforeAll(async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
    for (const role of ["user", "creator", "moderator", "admin"] as const) {
      members.set(role, await buildMember(t.app, t.db.database, role));
    }
    routes = routePolicies(t.app).filter((route) => route.access !== "public");
  });
  afterAll(() => agent.destroy());

  const headersOf = (caller: Caller, { csrf }: { csrf: boolean }): Record<string, string> => {
    const member = members.get(caller);
    if (!member) return {};
    return csrf
      ? { cookie: member.cookie, "x-csrf-token": member.headers["x-csrf-token"] as string }
      : { cookie: member.cookie };
  };

  it("has a policy for every route, and most of the API is not public", () => {
    const all = routePolicies(t.app);
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((route) => route.access !== undefined)).toBe(true);
    // A sample of what must never be public, by the route table itself.
    const adminUsers = all.find((route) => route.method === "GET" && route.url === "/api/v1/admin/users");
    expect(adminUsers?.access).toEqual(["admin"]);
    expect(routes.length).toBeGreaterThan(60);
  });

  it("never answers 2xx to a caller the route's policy does not allow, under any spelling of its URL", async () => {
    const refusals: (() => Promise<string | null>)[] = [];
    for (const route of routes) {
      const path = concretePath(route.url);
      for (const caller of callers.filter((who) => !allows(route, who))) {
        for (const target of spellingsOf(path)) {
          refusals.push(async () => {
            // With a valid CSRF token: only the policy may stop this request.
            const answer = await send(port, route.method, target, headersOf(caller, { csrf: true }));
            const what = `${caller} ${route.method} ${target} (route ${route.url}) → ${answer.status} ${answer.body.slice(0, 120)}`;
            if (answer.status < 300 || answer.status >= 500) return what;
            if (route.method !== "HEAD" && !hasEnvelope(answer)) return `no error envelope: ${what}`;
            const canonical = target === path;
            if (canonical && answer.status !== (caller === "anonymous" ? 401 : 403)) return `expected 401/403: ${what}`;
            return null;
          });
        }
      }
    }
    expect(refusals.length).toBeGreaterThan(1000);
    const failures = (await inBatches(refusals)).filter((failure) => failure !== null);
    expect(failures).toEqual([]);
  });

  it("checks CSRF on every unsafe method of every route that does not exempt itself, under any spelling", async () => {
    const attempts: (() => Promise<string | null>)[] = [];
    for (const route of routes.filter((each) => unsafeMethods.has(each.method) && each.csrf)) {
      const caller = callers.find((who) => who !== "anonymous" && allows(route, who)) as Caller;
      for (const target of spellingsOf(concretePath(route.url))) {
        attempts.push(async () => {
          const answer = await send(port, route.method, target, headersOf(caller, { csrf: false }));
          const what = `${caller} ${route.method} ${target} without CSRF → ${answer.status} ${answer.body.slice(0, 120)}`;
          if (answer.status < 300 || answer.status >= 500) return what;
          if (!hasEnvelope(answer)) return `no error envelope: ${what}`;
          // Refused for the missing token itself, before validation or lookups could answer.
          const code = JSON.parse(answer.body).error.code;
          if (target === concretePath(route.url) && code !== "CSRF_INVALID") return `expected CSRF_INVALID: ${what}`;
          return null;
        });
      }
    }
    expect(attempts.length).toBeGreaterThan(300);
    const failures = (await inBatches(attempts)).filter((failure) => failure !== null);
    expect(failures).toEqual([]);
  });

  it("answers every allowed caller's read of every route without a server error", async () => {
    const reads: (() => Promise<string | null>)[] = [];
    for (const route of routes.filter((each) => each.method === "GET")) {
      for (const caller of callers.filter((who) => allows(route, who))) {
        reads.push(async () => {
          const answer = await send(port, "GET", concretePath(route.url), headersOf(caller, { csrf: true }));
          return answer.status >= 500 ? `${caller} GET ${route.url} → ${answer.status} ${answer.body}` : null;
        });
      }
    }
    const failures = (await inBatches(reads)).filter((failure) => failure !== null);
    expect(failures).toEqual([]);
  });
});
