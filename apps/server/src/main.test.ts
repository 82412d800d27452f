import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
