import type net from "node:net";
import { beforeAll, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/accounts.ts";
import { useTestApp } from "../../../test/app.ts";
import { type FuzzIds, generateRequests, operationCount, type Persona } from "../../../test/fuzz/generate.ts";
import type { OpenApiDocument } from "../../../test/fuzz/openapi.ts";
import { describeFailure, type FuzzCredentials, runFuzzRequests } from "../../../test/fuzz/send.ts";
import { seedFuzzWorld } from "../../../test/fuzz/world.ts";
import { buildTrack } from "../../../test/playlists.ts";

/**
 * Malformed requests against every operation of the API description, as an attacker sends
 * them: never a 5xx, and every 4xx in the error envelope with a code that matches its status.
 * The seed is fixed, so a failure here fails the same way on every run; `bench/abuse/fuzz.ts`
 * runs the same generator for 10,000+ requests.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 600);

const t = useTestApp();
let baseUrl: string;
let document: OpenApiDocument;
let sessions: { creator: FuzzCredentials; admin: FuzzCredentials };
let ids: FuzzIds;

beforeAll(async () => {
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as net.AddressInfo).port}`;
  document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApiDocument;

  const creatorUser = await buildUser(t.db.database, { role: "creator" });
  const listenerUser = await buildUser(t.db.database);
  const adminUser = await buildUser(t.db.database, { role: "admin" });
  const creator = await signIn(t.app, creatorUser, "198.51.100.60");
  const listener = await signIn(t.app, listenerUser, "198.51.100.61");
  sessions = { creator, admin: await signIn(t.app, adminUser, "198.51.100.62") };
  const readyTrackId = await buildTrack(t.db.database, creatorUser.id, { title: "Fuzz ready", durationMs: 5000 });
  const world = await seedFuzzWorld(baseUrl, creator, listener, { readyTrackId });
  ids = world.ids;
  // Real ids let handlers go past their lookups; without them the run would only test validation.
  expect(world.missing, world.missing.join("\n")).toEqual([]);
});

it("answers malformed requests to every operation with a 4xx envelope, never a 5xx", async () => {
  // An admin too, beyond the two personas: a quarter of the operations are admin routes.
  const personas: Persona[] = ["anonymous", "creator", "admin"];
  const requests = generateRequests(document, { seed: SEED, count: REQUESTS, ids, personas });
  expect(new Set(requests.map((request) => request.operation)).size).toBe(operationCount(document));
  for (const persona of personas) expect(requests.some((request) => request.who === persona)).toBe(true);

  // FUZZ_SEED and FUZZ_REQUESTS explore beyond the fixed run; they print what came back.
  const breakdown = new Map<string, number>();
  const summary = await runFuzzRequests(baseUrl, requests, sessions, 2, (request, answer) => {
    if (!process.env.FUZZ_REQUESTS) return;
    const code = answer.status >= 400 ? (/"code":"(\w+)"/.exec(answer.body)?.[1] ?? "") : "";
    const key = `${request.who} ${answer.status} ${code}`;
    breakdown.set(key, (breakdown.get(key) ?? 0) + 1);
  });
  if (process.env.FUZZ_REQUESTS) console.log([...breakdown].sort().join("\n"));

  expect(summary.sent).toBe(REQUESTS);
  expect(summary.failures.map(describeFailure).join("\n\n")).toBe("");
  // The signed-in requests reached the handlers: some of them succeeded.
  expect(Object.keys(summary.byStatus).some((status) => Number(status) < 300)).toBe(true);
});
