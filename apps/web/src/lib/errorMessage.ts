import type { ErrorCode } from "@stave/contracts";
import { ApiError } from "./api.ts";

export type ErrorMessages = Partial<Record<ErrorCode, string>>;

/**
 * What to tell a person about a failed request. Screens pass `overrides` for the codes
 * they expect; everything else gets a sensible default, so no failure is ever silent.
 */
export function errorMessage(error: unknown, overrides: ErrorMessages = {}): string {
  if (!(error instanceof ApiError)) {
    return "We couldn't reach the server. Check your connection and try again.";
  }
  const override = overrides[error.code];
  if (override !== undefined) return override;
  switch (error.code) {
    case "RATE_LIMITED":
      return error.retryAfterSeconds === undefined
        ? "Too many attempts. Wait a moment and try again."
        : `Too many attempts. Try again in ${formatDelay(error.retryAfterSeconds)}.`;
    case "UNAUTHENTICATED":
      return "You're signed out. Sign in again to continue.";
    case "CSRF_INVALID":
      return "Your session has expired. Reload the page and try again.";
    case "INTERNAL":
    case "SERVICE_UNAVAILABLE":
      return "Something went wrong on our side. Please try again in a moment.";
    default:
      return error.message || "Something went wrong. Please try again.";
  }
}

function formatDelay(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
