import { type ReportSubjectType, reportSubjectTypes } from "@stave/contracts";
import { useId } from "react";
import { reportStatusLabels, subjectTypePlurals } from "../adminText.ts";
import type { ReportFilters as Filters, ReportStatus } from "../services/moderationApi.ts";

const statuses = ["open", "resolved", "dismissed"] as const;

/** The queue's status and subject type; each applies at once. */
export function ReportFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const id = useId();
  return (
    <form className="admin-filters" aria-label="Filter reports" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-status`} className="field__label">
          Status
        </label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as ReportStatus })}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {reportStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`} className="field__label">
          About
        </label>
        <select
          id={`${id}-type`}
          value={filters.subjectType}
          onChange={(event) => onChange({ ...filters, subjectType: event.target.value as ReportSubjectType | "" })}
        >
          <option value="">Anything</option>
          {reportSubjectTypes.map((type) => (
            <option key={type} value={type}>
              {subjectTypePlurals[type]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
