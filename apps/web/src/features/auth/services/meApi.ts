import { api, type Me } from "@stave/contracts";
import { ApiError, callApi, getCsrfToken, setCsrfToken } from "../../../lib/api.ts";
import { fetchCsrfToken } from "./authApi.ts";

/** The signed-in user, or `null` when nobody is signed in (a 401 is an answer, not a failure). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await callApi(api.me.current, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Who is signed in, plus the CSRF token a reloaded page no longer has in memory:
 * resolving only once both are known means no state-changing request can race ahead
 * of the token.
 */
export async function loadSession(signal?: AbortSignal): Promise<Me | null> {
  const me = await fetchMe(signal);
  if (me === null) {
    setCsrfToken(undefined);
    return null;
  }
  if (getCsrfToken() === undefined) setCsrfToken(await fetchCsrfToken(signal));
  return me;
}
