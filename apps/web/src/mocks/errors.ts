import { type ErrorCode, type ErrorEnvelope, errorStatus } from "@stave/contracts";
import { HttpResponse } from "msw";

export function buildErrorEnvelope(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

type ErrorResponseOptions = {
  /** The envelope's `details`, e.g. VALIDATION_FAILED's `[{path, message}]`. */
  details?: unknown;
  /** Sent as `Retry-After` (a 429 carries one). */
  retryAfterSeconds?: number;
};

/** An error reply with the status the contracts pair with `code`. */
export function errorResponse(code: ErrorCode, message: string, options: ErrorResponseOptions = {}) {
  const headers = new Headers();
  if (options.retryAfterSeconds !== undefined) headers.set("Retry-After", String(options.retryAfterSeconds));
  return HttpResponse.json(buildErrorEnvelope(code, message, options.details), {
    status: errorStatus[code],
    headers,
  });
}

/**
 * VALIDATION_FAILED as the server sends it for a bad body: one `{path, message}` per
 * problem, the path naming the part of the request first ("body.email").
 */
export function validationFailed(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return errorResponse("VALIDATION_FAILED", "The request is not valid", {
    details: issues.map((issue) => ({ path: ["body", ...issue.path.map(String)].join("."), message: issue.message })),
  });
}
