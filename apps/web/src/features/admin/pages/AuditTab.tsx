import { useSearchParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { type AuditFilters, auditCsvHref, auditFilterFields, auditFiltersFrom } from "../auditFilters.ts";
import { AuditFiltersForm } from "../components/AuditFiltersForm.tsx";
import { AuditTable } from "../components/AuditTable.tsx";
import { allItems, useAuditLog } from "../hooks/useAdminQueries.ts";

/** /admin/audit: the audit log, filtered; the filters live in the URL, and the CSV export follows them. */
export function AuditTab() {
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFrom(params);
  const audit = useAuditLog(filters);
  const items = allItems(audit.data);

  const apply = (next: AuditFilters) => {
    const query: Record<string, string> = {};
    for (const field of auditFilterFields) if (next[field].trim()) query[field] = next[field].trim();
    setParams(query, { replace: true });
  };

  return (
    <section aria-labelledby="admin-audit-heading">
      <div className="page__title-row">
        <h2 id="admin-audit-heading">Audit log</h2>
        <a className="button button--secondary" href={auditCsvHref(filters)} download>
          Export CSV
        </a>
      </div>
      <AuditFiltersForm filters={filters} onApply={apply} />
      {audit.isPending ? <p className="loading">Loading the audit log…</p> : null}
      {audit.isError ? <LoadFailed what="the audit log" query={audit} /> : null}
      {audit.isSuccess && items.length === 0 ? <p className="empty-state">No entries match these filters.</p> : null}
      {items.length > 0 ? <AuditTable entries={items} /> : null}
      <ShowMoreButton query={audit} label="Load more entries" className="button button--secondary" />
    </section>
  );
}
