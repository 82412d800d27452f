// Starting a real Stave for e2e journeys and benchmarks alike: a free port on 127.0.0.1,
// `scripts/start.mjs` (embedded PostgreSQL unless DATABASE_URL is set) on a fresh or kept
// DATA_DIR, and a wait until /readyz answers ready.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RunningStave {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** What Stave wrote to stdout and stderr (empty unless started with `captureOutput`). */
  output: () => string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Use (and keep) this DATA_DIR instead of a fresh temporary one that stop() removes. */
  dataDir?: string;
  /** The prefix of the fresh temporary DATA_DIR's name. */
  tempPrefix?: string;
  /** Runs on the data directory before Stave starts (e.g. a `stave admin` command). */
  prepare?: (dataDir: string) => Promise<unknown>;
  /** The `stave` subcommand: `start` (API + worker, the default) or `serve` (API only). */
  command?: "start" | "serve";
  /** Arguments for Node before the script (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Keep Stave's output for `output()` and start-up errors instead of passing it through. */
  captureOutput?: boolean;
}

/** Waits until the embedded PostgreSQL of a Stave that has exited has finished its own shutdown. */
async function postgresStopped(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  for (let waited = 0; existsSync(pidFile) && waited < 10_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Starts Stave the way a user does (`npm start`'s entry) and waits for /readyz. The port is
 * free when chosen but not reserved: if something else (another Stave's embedded PostgreSQL)
 * takes it before Stave listens, Stave is started again on another one.
 */
export async function startStave(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningStave> {
  const keepDataDir = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), options.tempPrefix ?? "stave-")));
  await mkdir(dataDir, { recursive: true });
  // The embedded PostgreSQL runs as the user "postgres", which must be able to reach it.
  await chmod(dataDir, 0o755);
  await options.prepare?.(dataDir);
  for (let attempt = 1; ; attempt += 1) {
    const started = await spawnStave(dataDir, env, options);
    if (started.ok) return { ...started.stave, stop: () => stopStave(started.stave, dataDir, keepDataDir) };
    const portTaken = started.output.includes("EADDRINUSE");
    if (!portTaken || attempt === 3) throw new Error(started.failure);
  }
}

async function stopStave(stave: Omit<RunningStave, "stop">, dataDir: string, keepDataDir: boolean) {
  const exited = new Promise<void>((resolve) =>
    stave.child.exitCode !== null ? resolve() : stave.child.once("exit", () => resolve()),
  );
  stave.child.kill("SIGTERM");
  await exited;
  // PostgreSQL finishes its own shutdown a moment after Stave exits.
  await postgresStopped(dataDir);
  if (!keepDataDir) await rm(dataDir, { recursive: true, force: true });
}

type Spawned = { ok: true; stave: Omit<RunningStave, "stop"> } | { ok: false; failure: string; output: string };

async function spawnStave(dataDir: string, env: Record<string, string>, options: StartOptions): Promise<Spawned> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "scripts/start.mjs", options.command ?? "start"],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: url,
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Kept to tell a taken port from other failures; passed through unless the caller keeps it.
  child.stdout?.on("data", (chunk) => {
    output += chunk;
    if (!options.captureOutput) process.stdout.write(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
    if (!options.captureOutput) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => (options.captureOutput ? `:\n${output}` : "");

  const deadline = Date.now() + 60_000;
  for (;;) {
    if ((await fetch(`${url}/readyz`).catch(() => null))?.ok) break;
    const failure =
      child.exitCode !== null
        ? `Stave exited during start-up${log()}`
        : Date.now() > deadline
          ? `Stave did not become ready${log()}`
          : null;
    if (failure) {
      // A Stave stuck starting still owns its embedded PostgreSQL: stop both, or the next run finds it in use.
      child.kill("SIGTERM");
      await exited;
      await postgresStopped(dataDir);
      return { ok: false, failure, output };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ok: true, stave: { url, dataDir, child, output: () => output } };
}
