import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../test/database.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

describe("embedded PostgreSQL", () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("initialises a cluster once and keeps its data across restarts", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "stave-embedded-"));
    await chmod(dir, 0o755);
    const first = await startEmbeddedPostgres(path.join(dir, "postgres"), silentLogger);
    const client = new pg.Client(first.url);
    await client.connect();
    await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres(path.join(dir, "postgres"), silentLogger);
    const again = new pg.Client(second.url);
    await again.connect();
    const { rows } = await again.query("SELECT note, current_setting('server_version_num')::int AS version FROM kept");
    await again.end();
    await second.stop();
    expect(rows[0].note).toBe("still here");
    expect(rows[0].version).toBeGreaterThanOrEqual(180000);
  });
});
