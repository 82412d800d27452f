import { type ReportPage, type ReportSubjectType, type ResolveReportRequest, reportPageSchema } from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

export type ReportStatus = "open" | "resolved" | "dismissed";
export type ReportFilters = { status: ReportStatus; subjectType: ReportSubjectType | "" };

export function fetchReports(
  filters: ReportFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ReportPage> {
  const query = new URLSearchParams({ status: filters.status, limit: String(PAGE_SIZE) });
  if (filters.subjectType) query.set("subjectType", filters.subjectType);
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/admin/reports?${query}`, { schema: reportPageSchema, signal });
}

/** Closes the report, and every other open one on the same subject. */
export function resolveReport(id: string, resolution: ResolveReportRequest): Promise<undefined> {
  return apiRequest(`/api/v1/admin/reports/${encodeURIComponent(id)}/resolve`, { method: "POST", body: resolution });
}
