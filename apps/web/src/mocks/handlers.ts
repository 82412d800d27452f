import type { InstanceInfo } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { defaultAccounts } from "./accounts/index.ts";

export * from "./accounts/index.ts";
export { buildErrorEnvelope, errorResponse, validationFailed } from "./errors.ts";

/** Typed builders so every mocked body matches its contract at compile time. */
export function buildInstanceInfo(overrides: Partial<InstanceInfo> = {}): InstanceInfo {
  return { name: "Stave", version: "0.1.0", ...overrides };
}

export const instanceHandlers = [http.get("/api/v1/instance", () => HttpResponse.json(buildInstanceInfo()))];

/**
 * Keyed by domain so a story can replace one domain's handlers
 * (`parameters.msw.handlers.instance`) and keep the rest.
 * Accounts start signed out; `accountsHandlers({ me: buildVerifiedUser() })` signs someone in.
 */
export const handlersByDomain = {
  instance: instanceHandlers,
  accounts: defaultAccounts.handlers,
};

export const handlers = Object.values(handlersByDomain).flat();
