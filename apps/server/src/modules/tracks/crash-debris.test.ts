import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type SignedIn, signIn } from "../../../test/accounts.ts";
import { buildTestApp, buildTestServices } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { uploadTrack } from "../../../test/tracks.ts";
import { waitFor } from "../../../test/wait.ts";
import { resolveFfmpeg } from "../../platform/media/index.ts";
import { deathSignalWrapper } from "../../platform/media/process.ts";
import type { Services } from "../../services.ts";
import { cleanTemporaryFiles, HEARTBEAT_MS, HEARTBEAT_STALE_MS, processUploadsDir } from "./tmp-cleanup.ts";

/**
 * What a worker killed with SIGKILL mid-transcode leaves behind: its ffmpeg children (they must
 * die with it) and its scratch folder (the next clean-up pass removes it once the attempt is
 * over). And what an API process killed mid-upload leaves: once its heartbeat is stale, the next
 * start or clean-up removes it.
 */

const stave = fileURLToPath(new URL("../../../bin/stave.mjs", import.meta.url));

let testDb: TestDatabase;
let dataDir: string;
let app: FastifyInstance;
let services: Services;
let creator: SignedIn;
let worker: ChildProcess | null = null;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "stave-debris-"));
  services = (await buildTestServices(testDb.database, { DATA_DIR: dataDir })).services;
  app = await buildTestApp(testDb.database, { services });
  creator = await signIn(app, await buildUser(testDb.database, { role: "creator" }));
});
afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  await app?.close();
  await testDb?.drop();
});

interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
}

/** Every process whose command line mentions `marker`, read from /proc. */
async function processesMentioning(marker: string): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = (await readFile(`/proc/${entry}/cmdline`, "utf8")).split("\0").filter(Boolean);
      if (!argv.some((arg) => arg.includes(marker))) continue;
      // The fields after the command name's closing parenthesis: state, then the parent's pid.
      const status = await readFile(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(status.slice(status.lastIndexOf(")") + 2).split(" ")[1]);
      found.push({ pid: Number(entry), ppid, argv });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return found;
}

/** A long, silent FLAC: tiny on disk, minutes of encoding for three AAC renditions. */
async function longSilentFlac(dir: string, seconds: number) {
  const file = path.join(dir, "long-silence.flac");
  await promisify(execFile)(resolveFfmpeg().ffmpeg, [
    ...["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo"],
    ...["-t", String(seconds), "-c:a", "flac", "-y", file],
  ]);
  return file;
}

describe("crash debris", () => {
  it("runs ffmpeg so that it dies with its worker", () => {
    // Without setpriv (util-linux) the guarantee below does not hold: fail loudly, not skip.
    expect(deathSignalWrapper).not.toBeNull();
  });

  it("leaves no ffmpeg running when a worker is killed with SIGKILL mid-transcode, and cleans its folder after", async () => {
    const fixtures = await mkdtemp(path.join(os.tmpdir(), "stave-debris-fixtures-"));
    const response = await uploadTrack(app, creator.headers, await longSilentFlac(fixtures, 30 * 60));
    expect(response.statusCode).toBe(201);
    const trackId: string = response.json().track.id;

    // A real worker process over the same database and data directory.
    worker = spawn(process.execPath, [stave, "worker"], {
      env: { ...process.env, DATABASE_URL: testDb.url, DATA_DIR: dataDir, LOG_LEVEL: "warn", FFMPEG_THREADS: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let workerErrors = "";
    worker.stderr?.on("data", (chunk: Buffer) => {
      workerErrors = (workerErrors + chunk.toString()).slice(-4000);
    });
    const workerPid = worker.pid as number;

    // The original's path names the track: its ffmpeg processes are the ones that mention it.
    const encoders = await waitFor(
      async () => {
        const running = (await processesMentioning(trackId)).filter((info) =>
          info.argv.some((arg) => arg.endsWith("ffmpeg")),
        );
        return running.length >= 3 ? running : undefined;
      },
      90_000,
      "the worker's ffmpeg processes to start",
    ).catch((error: Error) => {
      throw new Error(`${error.message}; worker stderr: ${workerErrors}`);
    });
    expect(encoders.every((info) => info.ppid === workerPid)).toBe(true);

    const exited = once(worker, "exit");
    process.kill(workerPid, "SIGKILL");
    await exited;
    await waitFor(
      async () => ((await processesMentioning(trackId)).length === 0 ? true : undefined),
      5_000,
      "the killed worker's ffmpeg processes to be gone",
    ).catch(async (error: Error) => {
      const left = await processesMentioning(trackId);
      throw new Error(`${error.message}: ${left.map((info) => `${info.pid} (parent ${info.ppid})`).join(", ")}`);
    });

    // The attempt's scratch folder is left behind; while its lease runs, the attempt might still be alive.
    const tmp = path.join(dataDir, "tmp");
    const scratch = (await readdir(tmp)).filter((entry) => entry.startsWith(`process-${trackId}.`));
    expect(scratch).toHaveLength(1);
    await cleanTemporaryFiles(services.tracks, silentLogger);
    expect(await readdir(tmp)).toContain(scratch[0]);

    // Once the lease has lapsed, no live attempt owns it: the next pass removes it, whatever its age.
    await testDb.database.primary
      .updateTable("jobs")
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where("name", "=", "tracks.process")
      .execute();
    await cleanTemporaryFiles(services.tracks, silentLogger);
    expect(await readdir(tmp)).not.toContain(scratch[0]);
  });

  it("removes the partial multipart uploads of a process that is gone, never those of a live one", async () => {
    const uploads = path.join(dataDir, "tmp", "uploads");
    const host = os.hostname().replaceAll("~", "-");
    // A killed process's folder: its heartbeat stopped well over the limit ago.
    const deadOwner = path.join(uploads, `${host}~4242~deadbeef`, "0b7c0a5e-partial");
    // A live process of another container sharing this host name, DATA_DIR and our very pid
    // (host networking, each server pid 1): its heartbeat is fresh, so its upload stays.
    const liveOwner = path.join(uploads, `${host}~${process.pid}~cafef00d`, "1c8d1b6f-partial");
    for (const dir of [deadOwner, liveOwner]) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "file"), Buffer.alloc(1024));
    }
    const lastBeat = new Date(Date.now() - HEARTBEAT_STALE_MS - 60_000);
    await utimes(path.dirname(deadOwner), lastBeat, lastBeat);

    const restarted = await buildTestApp(testDb.database, { env: { DATA_DIR: dataDir } });
    try {
      await expect(stat(path.dirname(deadOwner))).rejects.toMatchObject({ code: "ENOENT" });
      expect((await stat(liveOwner)).isDirectory()).toBe(true);
      // The restarted process beats too: its own folder is fresh for every other process's clean-up.
      const own = await stat(processUploadsDir(path.join(dataDir, "tmp")));
      expect(Date.now() - own.mtimeMs).toBeLessThan(HEARTBEAT_MS);
    } finally {
      await restarted.close();
    }

    // Once the live one stops beating, the next clean-up pass takes its folder too.
    await utimes(path.dirname(liveOwner), lastBeat, lastBeat);
    await cleanTemporaryFiles(services.tracks, silentLogger);
    await expect(stat(path.dirname(liveOwner))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
