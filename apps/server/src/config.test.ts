import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";
import { trustProxyWarning } from "./platform/http/trust-proxy.ts";

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
    expect(loadConfig({ ...production, PUBLIC_URL: "https://music.example.org/" }).publicUrl).toBe(
      "https://music.example.org",
    );
  });
});

/** The one-line message a configuration stops on. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

/** Everything production asks for. */
const production = {
  PUBLIC_URL: "https://music.example.org",
  METRICS_TOKEN: "a-metrics-token-of-16+",
  SMTP_URL: "smtp://mail.example.org:587",
};

describe("TRUST_PROXY", () => {
  it("trusts no proxy by default", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });

  it("takes a hop count or a list of proxy addresses and networks", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback" }).trustProxy).toEqual({
      addresses: ["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8", "loopback"],
    });
  });

  it("refuses true, which lets any client choose its address, and says what to set instead", () => {
    const message = refusal({ TRUST_PROXY: "true" });
    expect(message).toMatch(/^Invalid configuration: TRUST_PROXY: /);
    expect(message).toContain("TRUST_PROXY=1");
    expect(message).toContain("TRUST_PROXY=127.0.0.1,10.0.0.0/8");
  });

  it.each(["yes", "10.0.0.0/33", "10.0.0.1,nginx", "999", "-1", "::1/129"])("refuses %j", (value) => {
    expect(refusal({ TRUST_PROXY: value })).toMatch(/^Invalid configuration: TRUST_PROXY: /);
  });

  it("warns when a hop count is trusted while Stave listens beyond loopback, where clients could bypass the proxy", () => {
    const warningFor = (env: Record<string, string>) => {
      const config = loadConfig(env);
      return trustProxyWarning(config.trustProxy, config.host);
    };
    expect(warningFor({ TRUST_PROXY: "1", HOST: "0.0.0.0" })).toContain("List the proxies' addresses instead");
    expect(warningFor({ TRUST_PROXY: "1", HOST: "127.0.0.1" })).toBeNull();
    expect(warningFor({ TRUST_PROXY: "10.0.0.5", HOST: "0.0.0.0" })).toBeNull();
    expect(warningFor({ HOST: "0.0.0.0" })).toBeNull();
  });
});

describe("production mode", () => {
  it("is off on a laptop, and nothing is asked for", () => {
    expect(loadConfig({}).production).toBe(false);
    expect(loadConfig({ NODE_ENV: "test", PUBLIC_URL: "http://127.0.0.1:4000" }).production).toBe(false);
  });

  it("starts when https, a metrics token and SMTP are all set", () => {
    expect(loadConfig(production).production).toBe(true);
    expect(loadConfig({ ...production, NODE_ENV: "production" }).production).toBe(true);
  });

  it.each([
    [
      "an http PUBLIC_URL under NODE_ENV=production (cookies not Secure)",
      { NODE_ENV: "production", PUBLIC_URL: "http://music.example.org" },
      "PUBLIC_URL",
    ],
    ["no PUBLIC_URL under NODE_ENV=production", { NODE_ENV: "production", PUBLIC_URL: "" }, "PUBLIC_URL"],
    ["an open /metrics behind https", { METRICS_TOKEN: "" }, "METRICS_TOKEN"],
    ["mail going to files behind https", { SMTP_URL: "" }, "SMTP_URL"],
    ["an open /metrics under NODE_ENV=production", { NODE_ENV: "production", METRICS_TOKEN: "" }, "METRICS_TOKEN"],
  ])("refuses %s, naming the setting to change", (_, change, name) => {
    expect(refusal({ ...production, ...change })).toMatch(new RegExp(`^Invalid configuration: ${name}: must be`));
  });
});
