import { type ModerationReport, type ReportSubjectType, reportSubjectTypes } from "@stave/contracts";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { LoadFailed, SuccessNotice } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { reportStatusLabels } from "../adminText.ts";
import { ReportFilters } from "../components/ReportFilters.tsx";
import { ReportItem } from "../components/ReportItem.tsx";
import { ResolveReportDialog } from "../components/ResolveReportDialog.tsx";
import { allItems, useReports } from "../hooks/useAdminQueries.ts";
import type { ReportFilters as Filters, ReportStatus } from "../services/moderationApi.ts";

const resolvedNotices = {
  take_down: "Taken down, and the report resolved.",
  restore: "Restored, and the report resolved.",
  no_action: "Report resolved: nothing changed.",
  dismiss: "Report dismissed.",
} as const;

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get("status");
  const type = params.get("type");
  return {
    status: status === "resolved" || status === "dismissed" ? status : "open",
    subjectType: reportSubjectTypes.find((candidate) => candidate === type) ?? "",
  };
}

/** /admin/moderation: the report queue (moderators and admins); the filters live in the URL. */
export function ModerationTab() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const reports = useReports(filters);
  const items = allItems(reports.data);
  const [resolving, setResolving] = useState<ModerationReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const apply = (next: { status: ReportStatus; subjectType: ReportSubjectType | "" }) => {
    setNotice(null);
    const query: Record<string, string> = {};
    if (next.status !== "open") query.status = next.status;
    if (next.subjectType) query.type = next.subjectType;
    setParams(query, { replace: true });
  };

  return (
    <section aria-labelledby="admin-moderation-heading">
      <h2 id="admin-moderation-heading">Reports</h2>
      <ReportFilters filters={filters} onChange={apply} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {reports.isPending ? <p className="loading">Loading reports…</p> : null}
      {reports.isError ? <LoadFailed what="the reports" query={reports} /> : null}
      {reports.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          {filters.status === "open" ? "No open reports. All caught up." : "No reports match these filters."}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="report-list" aria-label={`${reportStatusLabels[filters.status]} reports`}>
          {items.map((report) => (
            <ReportItem key={report.id} report={report} onResolve={setResolving} />
          ))}
        </ul>
      ) : null}
      <ShowMoreButton query={reports} label="Load more reports" className="button button--secondary" />
      {resolving ? (
        <ResolveReportDialog
          report={resolving}
          onClose={() => setResolving(null)}
          onResolved={(action) => {
            setResolving(null);
            setNotice(resolvedNotices[action]);
          }}
        />
      ) : null}
    </section>
  );
}
