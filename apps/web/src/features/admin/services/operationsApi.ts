import { api, type FailedJob, type InstanceStats } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";
import { type AuditFilters, auditQuery } from "../auditFilters.ts";

const AUDIT_PAGE_SIZE = 25;

export function fetchInstanceStats(signal?: AbortSignal): Promise<InstanceStats> {
  return callApi(api.adminStats.overview, { signal });
}

export async function fetchFailedJobs(signal?: AbortSignal): Promise<FailedJob[]> {
  return (await callApi(api.adminJobs.failed, { signal })).items;
}

export function retryJob(id: string) {
  return callApi(api.adminJobs.retry, { params: { id } });
}

export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) {
  const query = { ...Object.fromEntries(auditQuery(filters)), limit: AUDIT_PAGE_SIZE, cursor };
  return callApi(api.audit.list, { query, signal });
}
