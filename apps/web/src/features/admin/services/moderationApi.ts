import { api, type ReportPage, type ReportSubjectType, type ResolveReportRequest } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

export type ReportStatus = "open" | "resolved" | "dismissed";
export type ReportFilters = { status: ReportStatus; subjectType: ReportSubjectType | "" };

export function fetchReports(
  filters: ReportFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ReportPage> {
  const query = { status: filters.status, subjectType: filters.subjectType || undefined, limit: PAGE_SIZE, cursor };
  return callApi(api.moderation.queue, { query, signal });
}

/** Closes the report, and every other open one on the same subject. */
export function resolveReport(id: string, resolution: ResolveReportRequest) {
  return callApi(api.moderation.resolve, { params: { id }, body: resolution });
}
