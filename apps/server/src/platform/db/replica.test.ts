import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, signIn } from "../../../test/accounts.ts";
import { buildTestApp } from "../../../test/app.ts";
import { insertReadyTrack } from "../../../test/catalog.ts";
import { type ReplicaPair, startReplicaPair, waitForReplay } from "../../../test/replica.ts";
import { waitFor } from "../../../test/wait.ts";
import { ConfigError, loadConfig } from "../../config.ts";
import { createLogger } from "../logger.ts";
import { createDatabase, type Database, type ReplicaState } from "./database.ts";
import { findFreePort } from "./embedded.ts";
import { createReadPool } from "./read-pool.ts";
import { ReplicaMonitor } from "./replica.ts";
import type { DB } from "./schema.ts";

// Real clusters: a PostgreSQL 15 primary and a hot standby streaming from it (test/replica.ts).
const run = promisify(execFile);
const CHECK_INTERVAL_MS = 200;

interface LogLine {
  level: number;
  msg: string;
  replicaState?: string;
}
const logLines: LogLine[] = [];
const logger = createLogger("info", { write: (line: string) => void logLines.push(JSON.parse(line) as LogLine) });

let pair: ReplicaPair;
/** Lag bound of an hour: a paused replica stays in use, so tests can watch stale reads. */
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  pair = await startReplicaPair();
  database = createDatabase({
    url: pair.primaryUrl,
    readUrl: pair.replicaUrl,
    poolSize: 4,
    readMaxLagSeconds: 3600,
    replicaCheckIntervalMs: CHECK_INTERVAL_MS,
    logger,
  });
  app = await buildTestApp(database, { env: { DATABASE_READ_URL: pair.replicaUrl } });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await pair?.stop();
}, 120_000);

const inRecovery = async (db: Kysely<DB>) =>
  (await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(db)).rows[0]?.standby;

const waitForState = (db: Database, state: ReplicaState) =>
  waitFor(
    async () => (db.replica?.status().state === state ? true : undefined),
    30_000,
    `the replica to be ${state} (it is ${db.replica?.status().state})`,
  );

async function onStandby<T>(query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pair.replicaUrl });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

const pauseReplay = () => onStandby((client) => client.query("SELECT pg_wal_replay_pause()"));
const resumeReplay = () => onStandby((client) => client.query("SELECT pg_wal_replay_resume()"));

const warnings = (pattern: RegExp) => logLines.filter((line) => line.level === 40 && pattern.test(line.msg));

describe("read replica routing", () => {
  it("reads through forRead() on the standby while it is healthy, writes on the primary", async () => {
    await waitForState(database, "healthy");
    expect(await inRecovery(database.forRead())).toBe(true);
    expect(await inRecovery(database.primary)).toBe(false);
    expect(database.replica?.status().lagSeconds).toBe(0);
  });

  it("sees a write on the primary through forRead() once it has replicated", async () => {
    const user = await buildUser(database);
    const seen = await waitFor(
      () => database.forRead().selectFrom("users").select("username").where("id", "=", user.id).executeTakeFirst(),
      30_000,
      "the new user on the replica",
    );
    expect(seen.username).toBe(user.username);
    expect(await inRecovery(database.forRead())).toBe(true);
  });

  it("falls back to the primary while the replica is stopped, counting and logging it, then returns", async () => {
    await waitForState(database, "healthy");
    // Connections to the replica sit in the pool, as they would in production.
    await Promise.all([1, 2, 3].map(() => inRecovery(database.forRead())));
    const before = { ...(database.replica?.fallbacks ?? { down: 0, lagging: 0 }) };

    await pair.stopReplica();
    try {
      // Requests keep succeeding from the moment it is gone, before and after the monitor notices.
      for (let i = 0; i < 10; i++) expect(await inRecovery(database.forRead())).toBe(false);
      await waitForState(database, "down");
      expect(await inRecovery(database.forRead())).toBe(false);
      expect(database.replica?.fallbacks.down).toBeGreaterThan(before.down);
      expect(warnings(/read replica unreachable/).length).toBeGreaterThanOrEqual(1);

      const metrics = (await app.inject("/metrics")).body;
      const counted = Number(/stave_db_read_fallbacks_total\{reason="down"\} (\d+)/.exec(metrics)?.[1]);
      expect(counted).toBeGreaterThan(before.down);
      expect(metrics).toContain("stave_db_replica_up 0");
      // An HTTP read that goes to forRead() still answers.
      expect((await app.inject("/api/v1/tracks")).statusCode).toBe(200);
    } finally {
      await pair.startReplica();
    }

    await waitForState(database, "healthy");
    expect(await inRecovery(database.forRead())).toBe(true);
    expect(logLines.some((line) => line.level === 30 && /read replica healthy/.test(line.msg))).toBe(true);
    expect((await app.inject("/metrics")).body).toContain("stave_db_replica_up 1");
  });

  it("falls back to the primary while the replica lags past the bound, and returns once it catches up", async () => {
    const strict = createDatabase({
      url: pair.primaryUrl,
      readUrl: pair.replicaUrl,
      poolSize: 2,
      readMaxLagSeconds: 1,
      replicaCheckIntervalMs: CHECK_INTERVAL_MS,
      logger,
    });
    try {
      await waitForState(strict, "healthy");
      await pauseReplay();
      try {
        // Replay stands still while WAL keeps arriving: the replica falls ever further behind.
        await buildUser(strict);
        await waitForState(strict, "lagging");
        expect(strict.replica?.status().lagSeconds).toBeGreaterThan(1);
        expect(await inRecovery(strict.forRead())).toBe(false);
        expect(strict.replica?.fallbacks.lagging).toBeGreaterThanOrEqual(1);
        expect(strict.replica?.fallbacks.down).toBe(0);
        expect(warnings(/read replica lagging/).length).toBeGreaterThanOrEqual(1);
      } finally {
        await resumeReplay();
      }
      await waitForState(strict, "healthy");
      expect(await inRecovery(strict.forRead())).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("never keeps a process alive: one that forgets close() still exits", async () => {
    const script = `
      const { createDatabase } = await import(${JSON.stringify(fileURLToPath(new URL("./database.ts", import.meta.url)))});
      const { createLogger } = await import(${JSON.stringify(fileURLToPath(new URL("../logger.ts", import.meta.url)))});
      const db = createDatabase({ url: ${JSON.stringify(pair.primaryUrl)}, readUrl: ${JSON.stringify(pair.replicaUrl)},
        replicaCheckIntervalMs: 100, logger: createLogger("silent") });
      while (db.replica.status().state !== "healthy") await new Promise((resolve) => setTimeout(resolve, 50));
      console.log("healthy");`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe("healthy");
  });

  it("stops its monitor on close(): no more checks", async () => {
    const shortLived = createDatabase({
      url: pair.primaryUrl,
      readUrl: pair.replicaUrl,
      replicaCheckIntervalMs: CHECK_INTERVAL_MS,
      logger,
    });
    await waitForState(shortLived, "healthy");
    await shortLived.close();
    const checkedAt = shortLived.replica?.status().checkedAt;
    await new Promise((resolve) => setTimeout(resolve, CHECK_INTERVAL_MS * 3));
    expect(shortLived.replica?.status().checkedAt).toEqual(checkedAt);
  });
});

describe("a replica connection lost during a request", () => {
  const appName = "stave-failover-test";
  let readPool: pg.Pool;
  let primaryPool: pg.Pool;
  let monitor: ReplicaMonitor;

  beforeAll(() => {
    primaryPool = new pg.Pool({ connectionString: pair.primaryUrl, max: 2 });
    // Never started: these tests are about what a request sees before any check notices.
    monitor = new ReplicaMonitor({ url: pair.replicaUrl, maxLagSeconds: 5, intervalMs: 60_000, logger });
  });
  afterAll(async () => {
    await monitor?.stop();
    await primaryPool?.end();
  });

  async function checkedOutReplicaConnection(port?: number) {
    const url = port ? `postgres://postgres@127.0.0.1:${port}/postgres` : pair.replicaUrl;
    readPool = new pg.Pool({ connectionString: url, max: 2, application_name: appName });
    readPool.on("error", () => undefined);
    return createReadPool(readPool, primaryPool, monitor).connect();
  }

  const killReadConnections = () =>
    onStandby((client) =>
      client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [appName]),
    );

  const standbyFlag = async (client: Awaited<ReturnType<typeof checkedOutReplicaConnection>>) =>
    (await client.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby", [])).rows[0]?.standby;

  it("answers a read from the primary when its replica connection died before its first statement", async () => {
    const client = await checkedOutReplicaConnection();
    try {
      await killReadConnections();
      await waitFor(async () => (monitor.state === "down" ? true : undefined), 10_000, "the failure to be reported");
      const before = monitor.fallbacks.down;
      expect(await standbyFlag(client)).toBe(false);
      expect(monitor.fallbacks.down).toBe(before + 1);
      // The rest of the checkout stays on the primary.
      expect(await standbyFlag(client)).toBe(false);
    } finally {
      client.release();
      await readPool.end();
    }
  });

  it("answers from the primary when the replica refuses the connection", async () => {
    const before = monitor.fallbacks.down;
    const client = await checkedOutReplicaConnection(await findFreePort());
    try {
      expect(await standbyFlag(client)).toBe(false);
      expect(monitor.fallbacks.down).toBe(before + 1);
    } finally {
      client.release();
      await readPool.end();
    }
  });

  it("fails a transaction already under way on the replica (it cannot move mid-transaction)", async () => {
    const client = await checkedOutReplicaConnection();
    try {
      await client.query("BEGIN", []);
      expect(await standbyFlag(client)).toBe(true);
      await killReadConnections();
      await expect(standbyFlag(client)).rejects.toThrow();
    } finally {
      client.release(true);
      await readPool.end();
    }
  });
});

describe("read-your-writes over HTTP, with the replica's replay paused", () => {
  it("shows a signed-in user their own changes at once, while public reads come from the stale replica", async () => {
    const creator = await buildUser(database, { role: "creator" });
    await waitForReplay(pair.primaryUrl, pair.replicaUrl);
    const session = await signIn(app, creator);
    await waitForState(database, "healthy");
    const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((item) => item.id);
    const searchIds = (response: { json(): { tracks: { items: { id: string }[] } } }) =>
      response.json().tracks.items.map((item) => item.id);
    let trackId = "";

    await pauseReplay();
    try {
      const patched = await app.inject({
        method: "PATCH",
        url: "/api/v1/users/me",
        headers: session.headers,
        payload: { bio: "Written a moment ago" },
      });
      expect(patched.statusCode).toBe(200);
      const me = await app.inject({ url: "/api/v1/users/me", headers: { cookie: session.cookie } });
      expect(me.json().profile.bio).toBe("Written a moment ago");
      // The replica is still in use (within its bound) and has not seen the change.
      expect(database.replica?.status().state).toBe("healthy");
      const onReplica = await database
        .forRead()
        .selectFrom("user_profiles")
        .select("bio")
        .where("user_id", "=", creator.id)
        .executeTakeFirst();
      expect(onReplica?.bio ?? null).toBeNull();

      trackId = await insertReadyTrack(database, creator.id, "Fresh Off The Press");
      const mine = await app.inject({ url: "/api/v1/users/me/tracks", headers: { cookie: session.cookie } });
      expect(ids(mine)).toContain(trackId);
      const myPage = await app.inject({
        url: `/api/v1/users/${creator.username}/tracks`,
        headers: { cookie: session.cookie },
      });
      expect(ids(myPage)).toContain(trackId);
      const myTrack = await app.inject({ url: `/api/v1/tracks/${trackId}`, headers: { cookie: session.cookie } });
      expect(myTrack.statusCode).toBe(200);
      const mySearch = await app.inject({
        url: "/api/v1/search?q=fresh+off+the+press&type=tracks",
        headers: { cookie: session.cookie },
      });
      expect(searchIds(mySearch)).toContain(trackId);
      // Everyone else reads the replica, which may lag: the track is not there yet.
      expect(ids(await app.inject("/api/v1/tracks?limit=100"))).not.toContain(trackId);
      expect(ids(await app.inject(`/api/v1/users/${creator.username}/tracks`))).not.toContain(trackId);
      expect((await app.inject(`/api/v1/tracks/${trackId}`)).statusCode).toBe(404);
      expect(searchIds(await app.inject("/api/v1/search?q=fresh+off+the+press&type=tracks"))).not.toContain(trackId);

      // Someone who signed up after the replica stopped replaying can still open their own page.
      const newcomer = await buildUser(database, { role: "creator" });
      const newcomerSession = await signIn(app, newcomer);
      const ownPage = await app.inject({
        url: `/api/v1/users/${newcomer.username}/tracks`,
        headers: { cookie: newcomerSession.cookie },
      });
      expect(ownPage.statusCode).toBe(200);
      expect((await app.inject(`/api/v1/users/${newcomer.username}/tracks`)).statusCode).toBe(404);
    } finally {
      await resumeReplay();
    }

    // Once the replica catches up, everyone sees it.
    await waitForReplay(pair.primaryUrl, pair.replicaUrl);
    expect(database.replica?.status().state).toBe("healthy");
    expect(ids(await app.inject("/api/v1/tracks?limit=100"))).toContain(trackId);
    expect(searchIds(await app.inject("/api/v1/search?q=fresh+off+the+press&type=tracks"))).toContain(trackId);
  });
});

describe("configuration", () => {
  it("reads DATABASE_READ_MAX_LAG_SECONDS, 5 by default, and refuses a bad one in one line", () => {
    expect(loadConfig({}).databaseReadMaxLagSeconds).toBe(5);
    expect(loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: "2.5" }).databaseReadMaxLagSeconds).toBe(2.5);
    for (const bad of ["soon", "0", "-1"]) {
      expect(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_READ_MAX_LAG_SECONDS: bad })).toThrow(
        /^Invalid configuration: DATABASE_READ_MAX_LAG_SECONDS: [^\n]+$/,
      );
    }
  });
});
