import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("works on a laptop with no settings at all", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.dataDir).toBe(path.resolve("data"));
    expect(config.paths.outbox).toBe(path.resolve("data/outbox"));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.s3).toBeUndefined();
  });

  it("treats empty values as unset, as .env.template leaves them", () => {
    const config = loadConfig({ DATABASE_URL: "", SMTP_URL: "", PUBLIC_URL: "" });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/stave" }, "DATABASE_URL"],
    [{ DATABASE_READ_URL: "nonsense" }, "DATABASE_READ_URL"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL"],
    [{ SECRET_KEY: "short" }, "SECRET_KEY"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ DATABASE_POOL_SIZE: "2" }, "DATABASE_POOL_SIZE"],
  ])("stops on %j with one line naming the variable", (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(message).not.toContain("\n");
  });

  it("strips a trailing slash from PUBLIC_URL so links join cleanly", () => {
    expect(loadConfig({ PUBLIC_URL: "https://music.example.org/" }).publicUrl).toBe("https://music.example.org");
  });
});
