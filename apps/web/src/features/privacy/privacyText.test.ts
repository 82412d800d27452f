import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api.ts";
import { buildPendingExport, buildReadyExport } from "../../mocks/handlers.ts";
import { exportRetryAfterSeconds, formatWait, nextExportPossibleAt } from "./privacyText.ts";

describe("privacy text", () => {
  it("says how long to wait in words", () => {
    expect(formatWait(20)).toBe("a few seconds");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(3600)).toBe("about an hour");
    expect(formatWait(23.2 * 3600)).toBe("about 24 hours");
  });

  it("finds when the oldest of the last 24 hours' exports frees its place", () => {
    const now = Date.now();
    const items = [
      buildPendingExport({ requestedHoursAgo: 1 }),
      buildReadyExport({ requestedHoursAgo: 5 }),
      buildReadyExport({ requestedHoursAgo: 20 }),
      buildReadyExport({ requestedHoursAgo: 50 }),
    ];
    expect(nextExportPossibleAt({ items, remainingToday: 1 }, now)).toBeNull();
    const next = nextExportPossibleAt({ items, remainingToday: 0 }, now);
    expect(Math.round(((next?.getTime() ?? 0) - now) / 3600_000)).toBe(4);
  });

  it("reads the wait of a 429 from Retry-After, else from its details", () => {
    expect(exportRetryAfterSeconds(new ApiError(429, "EXPORT_RATE_LIMITED", "", undefined, 120))).toBe(120);
    expect(exportRetryAfterSeconds(new ApiError(429, "EXPORT_RATE_LIMITED", "", { retryAfterSeconds: 90 }))).toBe(90);
    expect(exportRetryAfterSeconds(new ApiError(429, "EXPORT_RATE_LIMITED", ""))).toBeUndefined();
    expect(exportRetryAfterSeconds(new ApiError(429, "RATE_LIMITED", "", undefined, 120))).toBeUndefined();
    expect(exportRetryAfterSeconds(new Error("offline"))).toBeUndefined();
  });
});
