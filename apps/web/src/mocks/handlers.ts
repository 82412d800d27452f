import { type ErrorCode, type ErrorEnvelope, errorStatus, type InstanceInfo } from "@stave/contracts";
import { HttpResponse, http } from "msw";

/** Typed builders so every mocked body matches its contract at compile time. */
export function buildInstanceInfo(overrides: Partial<InstanceInfo> = {}): InstanceInfo {
  return { name: "Stave", version: "0.1.0", ...overrides };
}

export function buildErrorEnvelope(code: ErrorCode, message: string): ErrorEnvelope {
  return { error: { code, message } };
}

/** An error reply with the status the contracts pair with `code`. */
export function errorResponse(code: ErrorCode, message: string) {
  return HttpResponse.json(buildErrorEnvelope(code, message), { status: errorStatus[code] });
}

export const instanceHandlers = [http.get("/api/v1/instance", () => HttpResponse.json(buildInstanceInfo()))];

/**
 * Keyed by domain so a story can replace one domain's handlers
 * (`parameters.msw.handlers.instance`) and keep the rest.
 */
export const handlersByDomain = {
  instance: instanceHandlers,
};

export const handlers = Object.values(handlersByDomain).flat();
