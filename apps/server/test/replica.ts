import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findFreePort } from "../src/platform/db/embedded.ts";
import { migrate } from "../src/platform/db/migrate.ts";

const run = promisify(execFile);

/**
 * Debian's PostgreSQL 15: it has pg_basebackup, which copies only servers of its own major
 * version or older, so both clusters come from it whatever PostgreSQL the suite runs on.
 */
export const replicaTestBinDir = process.env.REPLICA_TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface ReplicaPair {
  /** The migrated primary (database `postgres`, user `postgres`, trust auth). */
  primaryUrl: string;
  /** A hot standby streaming from it (superuser too, so tests may pause its replay). */
  replicaUrl: string;
  /** Stops the standby (fast shutdown); its URL refuses connections until startReplica(). */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both clusters and removes their files; safe to call more than once. */
  stop(): Promise<void>;
}

interface Cluster {
  dataDir: string;
  logFile: string;
  port: number;
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user. */
function command(binary: string, args: string[]): [string, string[]] {
  const file = path.join(replicaTestBinDir, binary);
  return isRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

async function pgBinary(cwd: string, binary: string, args: string[]) {
  const [file, argv] = command(binary, args);
  try {
    await run(file, argv, { cwd, timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${binary} ${args.join(" ")} failed: ${stderr || stdout || (error as Error).message}`);
  }
}

const startCluster = (root: string, cluster: Cluster) =>
  pgBinary(root, "pg_ctl", ["-D", cluster.dataDir, "-l", cluster.logFile, "-w", "-t", "60", "start"]);

async function stopCluster(root: string, cluster: Cluster) {
  if (!existsSync(path.join(cluster.dataDir, "postmaster.pid"))) return;
  await pgBinary(root, "pg_ctl", ["-D", cluster.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
}

/** Settings for a throwaway cluster: loopback TCP only, streaming replication, no fsync. */
const clusterSettings = (port: number) => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
fsync = off
full_page_writes = off
`;

const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

async function postgresOwner(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
  return { uid: await id("-u"), gid: await id("-g") };
}

/**
 * A fresh primary (migrated) and a hot standby made from it with `pg_basebackup -R -X stream`,
 * each a cluster of its own on a free loopback port, in a temporary directory. Whatever
 * happens, `stop()` (or a failure while starting) stops both and removes the directory.
 */
export async function startReplicaPair(): Promise<ReplicaPair> {
  const root = await mkdtemp(path.join(os.tmpdir(), "stave-replica-"));
  await chmod(root, 0o755);
  if (isRoot) {
    const owner = await postgresOwner();
    await chown(root, owner.uid, owner.gid);
  }
  const primary: Cluster = {
    dataDir: path.join(root, "primary"),
    logFile: path.join(root, "primary.log"),
    port: await findFreePort(),
  };
  const standby: Cluster = {
    dataDir: path.join(root, "standby"),
    logFile: path.join(root, "standby.log"),
    port: await findFreePort(),
  };

  let stopped = false;
  const stopNow = () => {
    // Last resort if the test process ends without stop(): servers whose data directory is
    // gone also shut themselves down within a minute.
    for (const cluster of [standby, primary]) {
      if (!existsSync(path.join(cluster.dataDir, "postmaster.pid"))) continue;
      const [file, argv] = command("pg_ctl", ["-D", cluster.dataDir, "-m", "immediate", "-w", "stop"]);
      try {
        execFileSync(file, argv, { cwd: root, stdio: "ignore", timeout: 30_000 });
      } catch {
        // best effort
      }
    }
    stopped = true;
  };
  process.once("exit", stopNow);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopNow);
    const errors: unknown[] = [];
    for (const cluster of [standby, primary]) {
      await stopCluster(root, cluster).catch((error: unknown) => errors.push(error));
    }
    await rm(root, { recursive: true, force: true });
    if (errors.length > 0) throw errors[0];
  };

  try {
    await pgBinary(root, "initdb", [
      "-D",
      primary.dataDir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    await appendFile(path.join(primary.dataDir, "postgresql.conf"), clusterSettings(primary.port));
    await startCluster(root, primary);

    const primaryUrl = urlOf(primary.port);
    const pool = new pg.Pool({ connectionString: primaryUrl, max: 1 });
    try {
      await migrate(pool);
    } finally {
      await pool.end();
    }

    await pgBinary(root, "pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      standby.dataDir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
      "--no-sync",
    ]);
    // The copy carries the primary's settings; a later line wins, so only the port differs.
    await appendFile(path.join(standby.dataDir, "postgresql.conf"), `\nport = ${standby.port}\n`);
    await startCluster(root, standby);

    return {
      primaryUrl,
      replicaUrl: urlOf(standby.port),
      stopReplica: () => stopCluster(root, standby),
      startReplica: () => startCluster(root, standby),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 30_000) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  try {
    await replica.connect();
    const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
    const target = rows[0]?.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replayed = await replica.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [
        target,
      ]);
      if (replayed.rows[0]?.done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${target} in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await primary.end();
    await replica.end().catch(() => undefined);
  }
}
