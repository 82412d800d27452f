import { type AuditEntry, api, type Session } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export async function fetchSessions(signal?: AbortSignal): Promise<Session[]> {
  const reply = await callApi(api.me.sessions, { signal });
  return reply.items;
}

export function revokeSession(id: string): Promise<undefined> {
  return callApi(api.me.revokeSession, { params: { id } });
}

export const SECURITY_EVENTS_PAGE_SIZE = 20;

export function fetchSecurityEvents(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  return callApi(api.audit.mySecurityEvents, { query: { limit: SECURITY_EVENTS_PAGE_SIZE, cursor }, signal });
}
