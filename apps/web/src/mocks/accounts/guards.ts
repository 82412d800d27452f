import { errorResponse } from "../errors.ts";
import type { MockAccountsState } from "./state.ts";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/**
 * The server's CSRF rule: a signed-in browser's state-changing request must echo the
 * session's token. Enforced so tests catch an app that forgets to load or send it.
 */
export function csrfFailure(state: MockAccountsState, request: Request): Response | undefined {
  if (SAFE_METHODS.has(request.method) || state.currentUserId === null) return undefined;
  if (request.headers.get("X-CSRF-Token") === state.csrfToken) return undefined;
  return errorResponse("CSRF_INVALID", "Missing or invalid CSRF token.");
}
