import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type RunningStave, repoRoot, startStave as startTestStave } from "../test-support/stave.ts";

export type { RunningStave };

/** Runs a `stave` command (e.g. `admin create-user …`) on a data directory, as an operator would. */
export function runStaveCommand(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["apps/server/bin/stave.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`stave ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

export interface StartOptions {
  /** Runs on the fresh data directory before Stave starts (e.g. `runStaveCommand` to make an admin). */
  prepare?: (dataDir: string) => Promise<unknown>;
}

/**
 * Starts Stave the way a user does (`npm start`'s entry, embedded PostgreSQL unless
 * DATABASE_URL is set) in a fresh data directory, and waits for /readyz; its log is kept.
 */
export function startStave(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningStave> {
  return startTestStave(env, { ...options, tempPrefix: "stave-e2e-", captureOutput: true });
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The links of the newest mail to `to` in the outbox (`.eml` files, quoted-printable bodies). */
export async function linksMailedTo(dataDir: string, to: string, timeoutMs = 15_000): Promise<string[]> {
  const outbox = path.join(dataDir, "outbox");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(outbox) ? (await readdir(outbox)).sort().reverse() : [];
    for (const file of files) {
      const raw = await readFile(path.join(outbox, file), "utf8");
      if (!new RegExp(`^To: .*${to.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "mi").test(raw)) continue;
      const decoded = raw
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
      return [...new Set(decoded.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} in ${outbox}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A running Stave and a browser for one test file, started before its tests, stopped after. */
export function useStaveAndBrowser(env: Record<string, string> = {}, options: StartOptions = {}) {
  const context = {} as { stave: RunningStave; browser: Browser };
  beforeAll(async () => {
    [context.stave, context.browser] = await Promise.all([startStave(env, options), launchBrowser()]);
  });
  // A failed journey shows what Stave logged (warnings and errors), to tell a slow step from a broken one.
  afterEach(({ task }) => {
    if (task.result?.state === "fail") process.stderr.write(`\n--- Stave's log ---\n${context.stave?.output()}\n`);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.stave?.stop();
  });
  return context;
}
