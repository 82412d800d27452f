import type { DataExport, DataExportList } from "@stave/contracts";
import { ApiError } from "../../lib/api.ts";

const DAY_MS = 24 * 3600_000;

export const exportStatusLabels: Record<DataExport["status"], string> = {
  pending: "Queued",
  processing: "Being prepared",
  ready: "Ready",
  failed: "Failed",
  expired: "Expired",
};

/** Still being built: the list is polled until none is. */
export const isBuilding = (item: DataExport) => item.status === "pending" || item.status === "processing";

/** "a few seconds", "12 minutes", "about 5 hours". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return "a few seconds";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(seconds / 3600);
  return hours === 1 ? "about an hour" : `about ${hours} hours`;
}

/**
 * When the next export may be requested, given a list that says none may be now: the
 * oldest request in the last 24 hours frees its place 24 hours after it was made.
 */
export function nextExportPossibleAt(list: DataExportList, now = Date.now()): Date | null {
  if (list.remainingToday > 0) return null;
  const recent = list.items
    .map((item) => Date.parse(item.createdAt))
    .filter((createdAt) => createdAt > now - DAY_MS)
    .sort((a, b) => a - b);
  const oldest = recent[0];
  return oldest === undefined ? null : new Date(oldest + DAY_MS);
}

/** Seconds until another export is allowed, from a 429's Retry-After or its details. */
export function exportRetryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== "EXPORT_RATE_LIMITED") return undefined;
  if (error.retryAfterSeconds !== undefined) return error.retryAfterSeconds;
  const details = error.details;
  if (typeof details === "object" && details !== null && "retryAfterSeconds" in details) {
    const seconds = Number(details.retryAfterSeconds);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  }
  return undefined;
}
