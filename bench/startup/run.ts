// bench/startup: how long `npm start` takes from launch to /readyz answering ready.
// Cold = a fresh DATA_DIR (initdb + migrations); warm = the same DATA_DIR again.
// Prints each run, the medians, and warm/cold as a ratio. Target: warm start < 3 s.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, repoRoot } from "../../test-support/stave.ts";

const coldRuns = Number(process.env.COLD_RUNS ?? 3);
const warmRuns = Number(process.env.WARM_RUNS ?? 5);

/** Launches `npm start`, returns milliseconds until /readyz is ready, then stops it cleanly. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      if (response?.ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error("npm start exited before it was ready");
      if (performance.now() - started > 120_000) throw new Error("not ready after 120 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    process.kill(-(child.pid as number), "SIGTERM");
    await exited;
    // PostgreSQL finishes its own shutdown a moment after npm exits.
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    for (let waited = 0; existsSync(pidFile) && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  console.log(`bench/startup: ${coldRuns} cold and ${warmRuns} warm starts of \`npm start\` (web app prebuilt)`);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < coldRuns; run++) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-bench-"));
    await chmod(dataDir, 0o755);
    try {
      cold.push(await timeStart(dataDir));
      console.log(`  cold #${run + 1}: ${seconds(cold.at(-1) as number)}`);
      if (run === 0) {
        for (let warmRun = 0; warmRun < warmRuns; warmRun++) {
          warm.push(await timeStart(dataDir));
          console.log(`  warm #${warmRun + 1}: ${seconds(warm.at(-1) as number)}`);
        }
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const coldMedian = median(cold);
  const warmMedian = median(warm);
  console.log(
    `\ncold start median: ${seconds(coldMedian)} (min ${seconds(Math.min(...cold))}, max ${seconds(Math.max(...cold))})`,
  );
  console.log(
    `warm start median: ${seconds(warmMedian)} (min ${seconds(Math.min(...warm))}, max ${seconds(Math.max(...warm))})`,
  );
  console.log(`warm/cold ratio:   ${(warmMedian / coldMedian).toFixed(2)}`);
  console.log(`target warm < 3 s: ${warmMedian < 3000 ? "met" : "MISSED"}`);
}

await main();
