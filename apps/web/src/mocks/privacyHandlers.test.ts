import { dataExportListSchema, dataExportResponseSchema, EXPORTS_PER_DAY } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import { buildReadyExport, buildVerifiedUser, createMockApi, MOCK_PASSWORD, MOCK_TOTP_CODE } from "./handlers.ts";
import { server } from "./server.ts";

// The privacy domain of the mocked API: replies parse with the contract's schemas and follow
// the server's rules, so stories and tests behave like the real thing.

const CSRF = "mock-csrf-token";

function setUp(options: { twoFactor?: boolean; exports?: ReturnType<typeof buildReadyExport>[] } = {}) {
  const me = buildVerifiedUser({ username: "delia", twoFactorEnabled: options.twoFactor ?? false });
  const api = createMockApi({ me, exports: options.exports });
  server.use(...api.handlers);
  return { api, me };
}

const list = async () => dataExportListSchema.parse((await call("GET", "/api/v1/me/exports")).json);

describe("mock privacy API: exports", () => {
  it("queues an export (202) that is ready on the list call after the one that showed it pending", async () => {
    setUp();
    const created = await call("POST", "/api/v1/me/export", { csrf: CSRF });
    expect(created.status).toBe(202);
    const { export: queued } = dataExportResponseSchema.parse(created.json);
    expect(queued).toMatchObject({ status: "pending", downloadUrl: null, sizeBytes: null });

    const first = await list();
    expect(first.items.map((item) => item.status)).toEqual(["pending"]);
    expect(first.remainingToday).toBe(EXPORTS_PER_DAY - 1);

    const second = await list();
    expect(second.items[0]).toMatchObject({
      id: queued.id,
      status: "ready",
      downloadUrl: `/api/v1/me/exports/${queued.id}/download`,
    });
    expect(second.items[0]?.sizeBytes).toBeGreaterThan(0);
    expect(Date.parse(second.items[0]?.expiresAt ?? "")).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
  });

  it("refuses the fourth export in 24 hours with 429, Retry-After and details.retryAfterSeconds", async () => {
    setUp();
    for (let index = 0; index < EXPORTS_PER_DAY; index += 1) {
      expect((await call("POST", "/api/v1/me/export", { csrf: CSRF })).status).toBe(202);
    }
    expect((await list()).remainingToday).toBe(0);

    const response = await fetch(new URL("/api/v1/me/export", window.location.origin), {
      method: "POST",
      headers: { "X-CSRF-Token": CSRF },
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(24 * 3600 - 60);
    const body = (await response.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
    expect(body.error.code).toBe("EXPORT_RATE_LIMITED");
    expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
  });

  it("counts seeded exports of the last 24 hours against the limit, older ones not", async () => {
    setUp({
      exports: [buildReadyExport({ requestedHoursAgo: 2 }), buildReadyExport({ requestedHoursAgo: 30 })],
    });
    expect((await list()).remainingToday).toBe(EXPORTS_PER_DAY - 1);
  });

  it("needs a signed-in user and the CSRF token", async () => {
    const { api } = setUp();
    expectError(await call("POST", "/api/v1/me/export"), 403, "CSRF_INVALID");
    api.accounts.state.signOut();
    expectError(await call("GET", "/api/v1/me/exports"), 401, "UNAUTHENTICATED");
  });
});

describe("mock privacy API: account deletion", () => {
  const remove = (body: unknown) => call("DELETE", "/api/v1/users/me", { body, csrf: CSRF });

  it("refuses a wrong password with PASSWORD_INCORRECT and keeps the account", async () => {
    const { api } = setUp();
    expectError(await remove({ password: "nope", keepPublicTracks: false }), 403, "PASSWORD_INCORRECT");
    expect(api.privacy.state.deletions).toEqual([]);
    expect((await call("GET", "/api/v1/users/me")).status).toBe(200);
  });

  it("asks for a valid code when two-factor is on", async () => {
    setUp({ twoFactor: true });
    expectError(await remove({ password: MOCK_PASSWORD }), 401, "INVALID_TWO_FACTOR_CODE");
    expectError(await remove({ password: MOCK_PASSWORD, code: "000000" }), 401, "INVALID_TWO_FACTOR_CODE");
    expect((await remove({ password: MOCK_PASSWORD, code: MOCK_TOTP_CODE })).status).toBe(204);
  });

  it("deletes: 204, signed out, the login gone, the exports removed, keepPublicTracks recorded", async () => {
    const { api, me } = setUp({ exports: [buildReadyExport()] });
    expect((await remove({ password: MOCK_PASSWORD, keepPublicTracks: true })).status).toBe(204);

    expect(api.privacy.state.deletions).toEqual([{ userId: me.id, keepPublicTracks: true }]);
    expectError(await call("GET", "/api/v1/users/me"), 401, "UNAUTHENTICATED");
    expect(api.privacy.state.exports).toEqual([]);
    const login = await call("POST", "/api/v1/auth/login", { body: { login: "delia", password: MOCK_PASSWORD } });
    expect(login.status).toBeGreaterThanOrEqual(400);
  });

  it("validates the body as the server does", async () => {
    setUp();
    expectError(await remove({ keepPublicTracks: true }), 400, "VALIDATION_FAILED");
  });
});
