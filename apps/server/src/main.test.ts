import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../test/accounts.ts";
import { insertReadyTrack } from "../test/catalog.ts";
import { createTestDatabase, type TestDatabase } from "../test/database.ts";
import { verifyPassword } from "./modules/accounts/passwords.ts";

const stave = fileURLToPath(new URL("../bin/stave.mjs", import.meta.url));

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [stave, ...args], { env: { ...process.env, LOG_LEVEL: "warn", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the stave command", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.drop());

  it("stops with one clear line when a setting is invalid", async () => {
    const result = await run(["migrate"], { PORT: "eighty" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid configuration: PORT: Invalid input: expected number, received NaN");
  });

  it("creates an admin whose generated password works, and refuses a duplicate", async () => {
    const args = ["admin", "create-user", "--email", "Root@Example.com", "--username", "root", "--role", "admin"];
    const created = await run(args, { DATABASE_URL: testDb.url });
    expect(created.code).toBe(0);
    const password = /Password \(shown once.*\): (\S+)/.exec(created.stdout)?.[1];
    expect(password).toBeDefined();
    const user = await testDb.database.primary
      .selectFrom("users")
      .selectAll()
      .where("username", "=", "root")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: "root@example.com", role: "admin", is_verified: true });
    expect(await verifyPassword(user.password_hash as string, password as string)).toBe(true);
    const audit = await testDb.database.primary
      .selectFrom("audit_log")
      .selectAll()
      .where("target_id", "=", user.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(["admin.user_create"]);

    const duplicate = await run(args, { DATABASE_URL: testDb.url });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("already exists");
  });

  it("refuses an unknown role", async () => {
    const result = await run(["admin", "create-user", "--email", "a@b.co", "--username", "abc", "--role", "wizard"], {
      DATABASE_URL: testDb.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid input: role/);
  });

  it("sets a role, suspends and unsuspends an account by email or username, audited as the CLI's", async () => {
    const env = { DATABASE_URL: testDb.url };
    const db = testDb.database.primary;
    const user = await buildUser(testDb.database, { role: "creator" });
    const track = await insertReadyTrack(testDb.database, user.id, "Night Ferry");
    const row = () => db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    const trackStatus = async () =>
      (await db.selectFrom("tracks").select("status").where("id", "=", track).executeTakeFirstOrThrow()).status;

    const promoted = await run(["admin", "set-role", "--user", user.email.toUpperCase(), "--role", "moderator"], env);
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stdout).toContain("creator → moderator");
    expect((await row()).role).toBe("moderator");

    const suspended = await run(["admin", "suspend", "--user", user.username, "--reason", "Chargeback fraud"], env);
    expect(suspended.code, suspended.stderr).toBe(0);
    expect(await row()).toMatchObject({ suspension_reason: "Chargeback fraud" });
    expect((await row()).suspended_at).not.toBeNull();
    expect(await trackStatus()).toBe("hidden");
    const again = await run(["admin", "suspend", "--user", user.username, "--reason", "Chargeback fraud"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already suspended");

    const lifted = await run(["admin", "unsuspend", "--user", user.username], env);
    expect(lifted.code, lifted.stderr).toBe(0);
    expect((await row()).suspended_at).toBeNull();
    expect(await trackStatus()).toBe("ready");

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "metadata"])
      .where("target_id", "=", user.id)
      .orderBy("created_at")
      .execute();
    expect(audit).toEqual([
      { action: "admin.role_change", actor_id: null, metadata: { from: "creator", to: "moderator", via: "cli" } },
      {
        action: "admin.user_suspend",
        actor_id: null,
        metadata: expect.objectContaining({ reason: "Chargeback fraud", tracksHidden: 1, via: "cli" }),
      },
      {
        action: "admin.user_unsuspend",
        actor_id: null,
        metadata: { reason: "Chargeback fraud", tracksRestored: 1, via: "cli" },
      },
    ]);
  });

  it("says what is wrong with an account command's input", async () => {
    const env = { DATABASE_URL: testDb.url };
    const nobody = await run(["admin", "unsuspend", "--user", "nobody@example.com"], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('No account with the email or username "nobody@example.com"');
    const noUser = await run(["admin", "suspend", "--reason", "because"], env);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toContain("--user");
    const badRole = await run(["admin", "set-role", "--user", "someone", "--role", "wizard"], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^Invalid input: role/);
    const noReason = await run(["admin", "suspend", "--user", "someone"], env);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/^Invalid input: reason/);
  });
});
