// The embedded PostgreSQL of a running Stave, reached directly: its port is in
// postmaster.pid (line 4), its superuser password beside the cluster (see
// apps/server/src/platform/db/embedded.ts).
import { execFileSync } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
// For its side effect: the server's pg type parsers (int8 as number, date as text), so the
// service code sees the values it sees in the server.
import "../../apps/server/src/platform/db/database.ts";
import type { DB } from "../../apps/server/src/platform/db/schema.ts";

export async function clusterUrl(dataDir: string): Promise<string> {
  const pid = await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8");
  const port = Number(pid.split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port in ${dataDir}/postgres/postmaster.pid`);
  const password = (await readFile(path.join(dataDir, "postgres.password"), "utf8")).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

export function kyselyOn(pool: pg.Pool, log?: (event: LogEvent) => void): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log && { log }) });
}

export const newPool = (url: string, max = 4) => new pg.Pool({ connectionString: url, max });

/**
 * Stave refuses to start without ffmpeg and ffprobe, which search never runs: where the
 * machine has none, point FFMPEG_PATH at stand-ins that fail if ever called.
 */
export async function envWithoutMedia(): Promise<Record<string, string>> {
  if (process.env.FFMPEG_PATH) return {};
  try {
    execFileSync("sh", ["-c", "command -v ffmpeg && command -v ffprobe"], { stdio: "ignore" });
    return {};
  } catch {
    const dir = path.join(os.tmpdir(), "stave-bench-search-no-ffmpeg");
    await mkdir(dir, { recursive: true });
    for (const name of ["ffmpeg", "ffprobe"]) {
      await writeFile(path.join(dir, name), `#!/bin/sh\necho "bench/search: no ${name} here" >&2\nexit 1\n`);
      await chmod(path.join(dir, name), 0o755);
    }
    console.log(`no ffmpeg on PATH: Stave gets stand-ins from ${dir} (search processes no media)`);
    return { FFMPEG_PATH: path.join(dir, "ffmpeg") };
  }
}
