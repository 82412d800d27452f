import { api, operationPath } from "@stave/contracts";

/** The audit log's filters as the viewer types them; `from` and `to` are UTC days (YYYY-MM-DD). */
export type AuditFilters = {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
};

export const auditFilterFields = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

export const emptyAuditFilters: AuditFilters = {
  actor: "",
  action: "",
  targetType: "",
  targetId: "",
  from: "",
  to: "",
};

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The filters kept in the page's URL, so a filtered view can be linked and reloaded. */
export function auditFiltersFrom(params: URLSearchParams): AuditFilters {
  const filters = { ...emptyAuditFilters };
  for (const field of auditFilterFields) filters[field] = params.get(field)?.trim() ?? "";
  return filters;
}

/**
 * The API's query for the filters: blanks left out, and the days turned into the whole of
 * those days in UTC (`to` includes its last millisecond).
 */
export function auditQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const field of ["actor", "action", "targetType", "targetId"] as const) {
    const value = filters[field].trim();
    if (value) query.set(field, value);
  }
  if (isDay(filters.from)) query.set("from", `${filters.from}T00:00:00.000Z`);
  if (isDay(filters.to)) query.set("to", `${filters.to}T23:59:59.999Z`);
  return query;
}

/** The CSV export of exactly what the table shows (all pages of it). */
export function auditCsvHref(filters: AuditFilters): string {
  const path = operationPath(api.audit.exportCsv.path, undefined);
  const query = auditQuery(filters).toString();
  return query ? `${path}?${query}` : path;
}
