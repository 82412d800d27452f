import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/accounts.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import { sha256 } from "../../platform/crypto.ts";
import { accountsJobs } from "./accounts.jobs.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("accounts.prune", () => {
  it("deletes expired tokens, dead sessions and old rate-limit windows, and keeps live ones", async () => {
    const db = testDb.database.primary;
    const user = await buildUser(testDb.database);
    const day = 24 * 3600 * 1000;
    await db
      .insertInto("one_time_tokens")
      .values([
        {
          user_id: user.id,
          purpose: "verify_email",
          token_hash: sha256("old"),
          expires_at: new Date(Date.now() - 2 * day),
        },
        {
          user_id: user.id,
          purpose: "verify_email",
          token_hash: sha256("live"),
          expires_at: new Date(Date.now() + day),
        },
      ])
      .execute();
    await db
      .insertInto("sessions")
      .values([
        {
          user_id: user.id,
          token_hash: sha256("expired"),
          expires_at: new Date(Date.now() - day),
          ip: null,
          user_agent: null,
        },
        {
          user_id: user.id,
          token_hash: sha256("current"),
          expires_at: new Date(Date.now() + day),
          ip: null,
          user_agent: null,
        },
      ])
      .execute();
    await db
      .insertInto("rate_limits")
      .values([
        { key: "login:ip:old", window_start: new Date(Date.now() - 3 * day), count: 5 },
        { key: "login:ip:new", window_start: new Date(), count: 1 },
      ])
      .execute();

    const job = accountsJobs({ database: testDb.database })["accounts.prune"];
    await job.handle({}, { jobId: "test", attempt: 1, logger: silentLogger, signal: new AbortController().signal });

    const tokens = await db.selectFrom("one_time_tokens").select("token_hash").execute();
    expect(tokens.map((t) => t.token_hash)).toEqual([sha256("live")]);
    const sessions = await db.selectFrom("sessions").select("token_hash").execute();
    expect(sessions.map((s) => s.token_hash)).toEqual([sha256("current")]);
    const windows = await db.selectFrom("rate_limits").select("key").execute();
    expect(windows.map((w) => w.key)).toEqual(["login:ip:new"]);
  });
});
