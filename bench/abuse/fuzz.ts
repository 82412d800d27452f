// The long fuzz run: 10,000+ malformed requests (the generator of the fuzz test
// in `npm test`, apps/server/test/fuzz) against a real Stave started like the other
// benchmarks, as anonymous, a signed-in creator and an admin, with their CSRF tokens. Prints the counts.
//
//   npx tsx bench/abuse/fuzz.ts 10000 [seed]
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateRequests } from "../../apps/server/test/fuzz/generate.ts";
import type { OpenApiDocument } from "../../apps/server/test/fuzz/openapi.ts";
import { describeFailure, runFuzzRequests } from "../../apps/server/test/fuzz/send.ts";
import { seedFuzzWorld } from "../../apps/server/test/fuzz/world.ts";
import {
  type BenchStave,
  makeWav,
  repoRoot,
  signedInCreator,
  signIn,
  startStave,
  uploadTrack,
  verificationToken,
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
  await fetch(`${stave.url}/api/v1/auth/verify-email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: await verificationToken(stave.dataDir, email) }),
  });
  return signIn(stave, "fuzzlistener", password);
}

const adminPassword = "conductor-baton-rest-91";

/**
 * A data directory with an admin in it, made with `stave admin create-user` as an operator
 * would, before Stave starts (the command opens the embedded PostgreSQL itself).
 */
async function dataDirWithAdmin(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-bench-abuse-"));
  await chmod(dataDir, 0o755);
  execFileSync(
    process.execPath,
    [
      "apps/server/bin/stave.mjs",
      "admin",
      "create-user",
      "--email=fuzz-admin@example.com",
      "--username=fuzzadmin",
      "--role=admin",
      `--password=${adminPassword}`,
    ],
    { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" }, stdio: "ignore" },
  );
  return dataDir;
}

/** Sends `count` fuzzed requests (fixed seed) to a fresh Stave and counts the answers. */
export async function runFuzz(count: number, seed = 13): Promise<FuzzCounts> {
  const dataDir = await dataDirWithAdmin();
  const stave = await startStave({}, { dataDir });
  try {
    const creator = await signedInCreator(stave);
    const listener = await signedInListener(stave);
    const admin = await signIn(stave, "fuzzadmin", adminPassword);
    const document = (await (await fetch(`${stave.url}/api/openapi.json`)).json()) as OpenApiDocument;
    // One processed track, so that comments, plays and reports have something to aim at.
    const readyTrackId = await uploadTrack(stave, creator, await makeWav(stave.dataDir, 2));
    await waitUntilReady(stave, readyTrackId, creator.cookie);
    const world = await seedFuzzWorld(stave.url, creator, listener, { readyTrackId });
    if (world.missing.length) console.warn(`fuzz: some seed steps failed:\n  ${world.missing.join("\n  ")}`);
    const personas = ["anonymous", "creator", "admin"] as const;
    const requests = generateRequests(document, { seed, count, ids: world.ids, personas: [...personas] });
    const started = performance.now();
    const summary = await runFuzzRequests(stave.url, requests, { creator, admin }, 4);
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
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 13);
  const counts = await runFuzz(count, seed);
  process.exitCode = counts.status5xx + counts.withoutEnvelope > 0 ? 1 : 0;
}
