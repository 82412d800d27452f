// bench/export: the user data export (the ZIP archive) of a user with 100,000 messages and 50,000
// playback-history entries, built by a real `stave worker` process as in production.
// Reports the time from the request to `ready`, the worker's peak memory (RSS) and its
// growth over the idle worker, and checks the ZIP with `unzip -t`. Targets: export
// < 30 s, peak worker memory < 150 MB.
//
//   npm run export -w bench [-- --messages=N --history=N --runs=1..3]
//
// Three exports by default (the most one user may make in 24 hours): the median time and
// the worst peak are held against the targets.
//
// A Stave `serve` process owns the embedded PostgreSQL and answers the API; a separate
// `stave worker` on the same database and DATA_DIR sends the sign-up mail, processes two
// uploaded tracks (whose original audio goes into the ZIP), then builds the export while
// we sample its RSS. The worker runs as DEPLOYMENT_GUIDE.md says to run one: from the
// server bundle (`npm run build`, made here first) with the worker's heap flags in
// NODE_OPTIONS (BENCH_WORKER_NODE_OPTIONS overrides them, e.g. "" to measure without).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { EXPORTS_PER_DAY } from "@stave/contracts";
import type pg from "pg";
import { makeWav, repoRoot, signedInCreator, startStave, uploadTrack, waitUntilReady } from "../lib/stave.ts";
import { clusterUrl, newPool } from "../search/cluster.ts";
import { seedExportUser } from "./seed.ts";

const TARGET_SECONDS = 30;
const TARGET_PEAK_MB = 150;
/** DEPLOYMENT_GUIDE.md, "Worker memory": a small young generation and a bounded old one. */
const WORKER_NODE_OPTIONS = process.env.BENCH_WORKER_NODE_OPTIONS ?? "--max-semi-space-size=2 --max-old-space-size=128";

function flag(name: string, fallback: number) {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return value === undefined ? fallback : Number(value.replaceAll("_", ""));
}

/**
 * VmRSS (now), VmHWM (peak since start or the last reset) and the anonymous (heap) and
 * file-backed (code: node, native libraries) parts of the RSS of a process, in MB.
 */
async function memoryMb(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024, anon: kb("RssAnon") / 1024, file: kb("RssFile") / 1024 };
}

const split = (memory: { anon: number; file: number }) =>
  `${memory.anon.toFixed(0)} MB anonymous + ${memory.file.toFixed(0)} MB file-backed`;

/** Resets the kernel's peak-RSS mark (VmHWM), so it then covers the export alone. */
async function resetPeak(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function startWorker(databaseUrl: string, dataDir: string): { child: ChildProcess; exited: Promise<unknown> } {
  // The node process itself is the worker (tsx loads in-process), so its pid is what we sample.
  // BENCH_NODE_ARGS (as for the server in lib/stave.ts), e.g. "--max-old-space-size=64".
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "apps/server/bin/stave.mjs", "worker"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_OPTIONS: WORKER_NODE_OPTIONS,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const verdict = (met: boolean) => (met ? "PASS" : "MISS");

interface Run {
  seconds: number;
  builtSeconds: number;
  idle: number;
  peak: number;
  after: number;
  exportId: string;
  sizeBytes: number;
}

/** Requests one export and waits for the worker to build it, sampling the worker's memory. */
async function measureExport(baseUrl: string, auth: Record<string, string>, pool: pg.Pool, workerPid: number) {
  // The idle worker: nothing queued, a moment to settle.
  await sleep(3000);
  const idle = (await memoryMb(workerPid)).rss;
  const hwmReset = await resetPeak(workerPid);
  let sampledPeak = idle;
  const sampler = setInterval(() => {
    void memoryMb(workerPid).then(
      ({ rss }) => (sampledPeak = Math.max(sampledPeak, rss)),
      () => undefined,
    );
  }, 20);

  const started = performance.now();
  const requested = await fetch(`${baseUrl}/api/v1/me/export`, { method: "POST", headers: auth });
  if (requested.status !== 202) throw new Error(`export request failed: ${requested.status} ${await requested.text()}`);
  const exportId = ((await requested.json()) as { export: { id: string } }).export.id;
  let row: { status: string; size_bytes: string | null; built_ms: number | null } | undefined;
  for (;;) {
    row = (
      await pool.query(
        `SELECT status, size_bytes, extract(epoch FROM completed_at - created_at) * 1000 AS built_ms
           FROM data_exports WHERE id = $1`,
        [exportId],
      )
    ).rows[0];
    if (row?.status === "ready" || row?.status === "failed") break;
    await sleep(20);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = await memoryMb(workerPid);
  if (row?.status !== "ready") throw new Error("the export failed (see the worker's log above)");
  // The kernel's mark misses nothing between samples; the samples are the fallback.
  const peak = hwmReset ? Math.max(after.hwm, sampledPeak) : sampledPeak;
  const run: Run = {
    seconds,
    builtSeconds: Number(row.built_ms ?? 0) / 1000,
    idle,
    peak,
    after: after.rss,
    exportId,
    sizeBytes: Number(row.size_bytes),
  };
  return { run, hwmReset };
}

/** Downloads the ZIP through the API and checks it with unzip: intact, every row there. */
async function checkZip(baseUrl: string, cookie: string, exportId: string, file: string) {
  const download = await fetch(`${baseUrl}/api/v1/me/exports/${exportId}/download`, { headers: { cookie } });
  if (!download.ok || !download.body) throw new Error(`download failed: ${download.status}`);
  await pipeline(Readable.fromWeb(download.body as WebReadableStream), createWriteStream(file));
  const test = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
  const entries = (name: string) =>
    (JSON.parse(execFileSync("unzip", ["-p", file, name], { maxBuffer: 1024 ** 3 }).toString()) as unknown[]).length;
  return {
    bytes: (await stat(file)).size,
    ok: /No errors detected/.test(test),
    output: test,
    files: test.split("\n").filter((line) => /testing: /.test(line)).length,
    audioFiles: test.split("\n").filter((line) => /testing: tracks\//.test(line)).length,
    messages: entries("messages.json"),
    history: entries("playback_history.json"),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  const size = { messages: flag("messages", 100_000), history: flag("history", 50_000) };
  // At most the 3 a day the limit allows one user.
  const runs = Math.min(EXPORTS_PER_DAY, Math.max(1, flag("runs", EXPORTS_PER_DAY)));
  const work = await mkdtemp(path.join(os.tmpdir(), "stave-bench-export-"));
  execFileSync("npm", ["run", "build", "-w", "apps/server"], { cwd: repoRoot, stdio: "inherit" });
  const stave = await startStave({}, { command: "serve" });
  let worker: ReturnType<typeof startWorker> | null = null;
  const pool = newPool(await clusterUrl(stave.dataDir));
  try {
    console.log(
      `bench/export: one user with ${size.messages.toLocaleString("en")} messages and ${size.history.toLocaleString("en")} history entries, ${runs} exports`,
    );
    console.log(`  worker: the server bundle, NODE_OPTIONS="${WORKER_NODE_OPTIONS}"`);
    // Started first: it also sends the verification mail the sign-up below waits for.
    worker = startWorker(await clusterUrl(stave.dataDir), stave.dataDir);
    const workerPid = worker.child.pid as number;
    await sleep(4000);
    const fresh = await memoryMb(workerPid);
    const session = await signedInCreator(stave);
    const auth = { cookie: session.cookie, "x-csrf-token": session.csrfToken };
    const wav = await makeWav(work, 30);
    const trackIds = [await uploadTrack(stave, session, wav), await uploadTrack(stave, session, wav)];
    for (const id of trackIds) await waitUntilReady(stave, id, session.cookie);

    const { rows } = await pool.query<{ id: string }>("SELECT id FROM users WHERE username = 'bench'");
    const started = performance.now();
    await seedExportUser(pool, rows[0]?.id as string, trackIds, size);
    console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`  worker RSS when started, before any job: ${fresh.rss.toFixed(0)} MB (${split(fresh)})`);

    const results: Run[] = [];
    let hwm = true;
    for (let index = 0; index < runs; index += 1) {
      const { run, hwmReset } = await measureExport(stave.url, auth, pool, workerPid);
      hwm &&= hwmReset;
      results.push(run);
      const zip = await checkZip(stave.url, session.cookie, run.exportId, path.join(work, `export-${index}.zip`));
      console.log(
        `  run ${index + 1}: ${run.seconds.toFixed(2)} s request → ready (worker ${run.builtSeconds.toFixed(2)} s); ` +
          `worker RSS idle ${run.idle.toFixed(0)} MB → peak ${run.peak.toFixed(0)} MB (+${(run.peak - run.idle).toFixed(0)} MB), ` +
          `${run.after.toFixed(0)} MB after; ZIP ${mb(zip.bytes)}, unzip -t ${zip.ok ? "OK" : "ERRORS"} ` +
          `(${zip.files} files: ${zip.messages.toLocaleString("en")} messages, ${zip.history.toLocaleString("en")} history entries, ${zip.audioFiles} audio files)`,
      );
      if (!zip.ok) console.log(zip.output);
      if (zip.bytes !== run.sizeBytes) console.log(`  WARNING: size_bytes says ${run.sizeBytes}`);
      if (zip.messages !== size.messages || zip.history !== size.history) console.log("  WARNING: the ZIP misses rows");
    }

    const seconds = median(results.map((run) => run.seconds));
    const peak = Math.max(...results.map((run) => run.peak));
    const growth = Math.max(...results.map((run) => run.peak - run.idle));
    console.log(
      `export time (median of ${runs}): ${seconds.toFixed(2)} s; worker peak RSS (worst): ${peak.toFixed(0)} MB, ` +
        `growth over the idle worker (worst): ${growth.toFixed(0)} MB (${hwm ? "kernel VmHWM, reset before each export" : "sampled every 20 ms"})`,
    );
    console.log(`target export < ${TARGET_SECONDS} s: ${verdict(seconds < TARGET_SECONDS)}`);
    console.log(`target peak worker memory < ${TARGET_PEAK_MB} MB: ${verdict(peak < TARGET_PEAK_MB)}`);
  } finally {
    await pool.end();
    if (worker) {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
    await stave.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
