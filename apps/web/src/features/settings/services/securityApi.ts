import { type AuditEntry, auditPageSchema, type Session, sessionListSchema } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

export async function fetchSessions(signal?: AbortSignal): Promise<Session[]> {
  const reply = await apiRequest("/api/v1/users/me/sessions", { schema: sessionListSchema, signal });
  return reply.items;
}

export function revokeSession(id: string): Promise<undefined> {
  return apiRequest(`/api/v1/users/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export const SECURITY_EVENTS_PAGE_SIZE = 20;

export function fetchSecurityEvents(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const query = new URLSearchParams({ limit: String(SECURITY_EVENTS_PAGE_SIZE) });
  if (cursor !== undefined) query.set("cursor", cursor);
  return apiRequest(`/api/v1/users/me/security-events?${query}`, { schema: auditPageSchema, signal });
}
