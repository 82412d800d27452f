import {
  auditPageSchema,
  type FailedJob,
  failedJobListSchema,
  type InstanceStats,
  instanceStatsSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";
import { type AuditFilters, auditQuery } from "../auditFilters.ts";

const AUDIT_PAGE_SIZE = 25;

export function fetchInstanceStats(signal?: AbortSignal): Promise<InstanceStats> {
  return apiRequest("/api/v1/admin/stats", { schema: instanceStatsSchema, signal });
}

export async function fetchFailedJobs(signal?: AbortSignal): Promise<FailedJob[]> {
  return (await apiRequest("/api/v1/admin/jobs/failed", { schema: failedJobListSchema, signal })).items;
}

export function retryJob(id: string): Promise<undefined> {
  return apiRequest(`/api/v1/admin/jobs/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) {
  const query = auditQuery(filters);
  query.set("limit", String(AUDIT_PAGE_SIZE));
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/admin/audit?${query}`, { schema: auditPageSchema, signal });
}
