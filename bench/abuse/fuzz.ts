// The long fuzz run of issue 13: 10,000+ malformed requests (the generator of the fuzz test
// in `npm test`, apps/server/test/fuzz) against a real Stave started like the other
// benchmarks, as anonymous and as a signed-in creator with its CSRF token. Prints the counts.
//
//   npx tsx bench/abuse/fuzz.ts 10000 [seed]
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateRequests } from "../../apps/server/test/fuzz/generate.ts";
import type { OpenApiDocument } from "../../apps/server/test/fuzz/openapi.ts";
import { describeFailure, runFuzzRequests } from "../../apps/server/test/fuzz/send.ts";
import { seedFuzzWorld } from "../../apps/server/test/fuzz/world.ts";
import {
  type BenchStave,
  makeWav,
  signedInCreator,
  signIn,
  startStave,
  uploadTrack,
  waitUntilReady,
} from "../lib/stave.ts";

export interface FuzzCounts {
  sent: number;
  status5xx: number;
  withoutEnvelope: number;
  byStatus: Record<number, number>;
}

/** A second, verified account (a listener), for the conversation and comment the fuzzer aims at. */
async function signedInListener(stave: BenchStave) {
  const email = "fuzz-listener@example.com";
  const password = "tuning-fork-harmony-78";
  const registered = await fetch(`${stave.url}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, username: "fuzzlistener", password }),
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  const outbox = path.join(stave.dataDir, "outbox");
  for (let waited = 0; waited < 15_000; waited += 100) {
    for (const file of existsSync(outbox) ? await readdir(outbox) : []) {
      const raw = (await readFile(path.join(outbox, file), "utf8")).replace(/=\r?\n/g, "").replaceAll("=3D", "=");
      const token = raw.includes(email) ? /verify-email[?#]token=([A-Za-z0-9_-]+)/.exec(raw)?.[1] : undefined;
      if (!token) continue;
      await fetch(`${stave.url}/api/v1/auth/verify-email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      return signIn(stave, "fuzzlistener", password);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no verification mail for the listener");
}

/** Sends `count` fuzzed requests (fixed seed) to a fresh Stave and counts the answers. */
export async function runFuzz(count: number, seed = 13): Promise<FuzzCounts> {
  const stave = await startStave();
  try {
    const creator = await signedInCreator(stave);
    const listener = await signedInListener(stave);
    const document = (await (await fetch(`${stave.url}/api/openapi.json`)).json()) as OpenApiDocument;
    // One processed track, so that comments, plays and reports have something to aim at.
    const readyTrackId = await uploadTrack(stave, creator, await makeWav(stave.dataDir, 2));
    await waitUntilReady(stave, readyTrackId, creator.cookie);
    const world = await seedFuzzWorld(stave.url, creator, listener, { readyTrackId });
    if (world.missing.length) console.warn(`fuzz: some seed steps failed:\n  ${world.missing.join("\n  ")}`);
    const requests = generateRequests(document, { seed, count, ids: world.ids });
    const started = performance.now();
    const summary = await runFuzzRequests(stave.url, requests, { creator }, 4);
    const seconds = (performance.now() - started) / 1000;
    for (const failure of summary.failures.slice(0, 20)) console.log(`\n${describeFailure(failure)}`);
    if (summary.failures.length > 20) console.log(`\n… and ${summary.failures.length - 20} more`);
    const { sent, status5xx, withoutEnvelope, byStatus } = summary;
    console.log(
      `\nfuzz: ${sent} requests in ${seconds.toFixed(1)} s (seed ${seed}): ${status5xx} answered 5xx, ` +
        `${withoutEnvelope} 4xx without the error envelope\nfuzz: by status ${JSON.stringify(byStatus)}`,
    );
    return { sent, status5xx, withoutEnvelope, byStatus };
  } finally {
    await stave.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 13);
  const counts = await runFuzz(count, seed);
  process.exitCode = counts.status5xx + counts.withoutEnvelope > 0 ? 1 : 0;
}
