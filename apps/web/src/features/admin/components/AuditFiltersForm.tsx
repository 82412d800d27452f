import { type FormEvent, useId, useState } from "react";
import { type AuditFilters, emptyAuditFilters } from "../auditFilters.ts";

type AuditFiltersFormProps = {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
};

const textFields = [
  { field: "actor", label: "Actor", hint: "Username or email" },
  { field: "action", label: "Action", hint: "Exact, or a prefix ending in a dot: admin." },
  { field: "targetType", label: "Target type", hint: "user, track, report…" },
  { field: "targetId", label: "Target id", hint: "" },
] as const;

/** The audit log's filters, applied together when submitted. */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const id = useId();
  const [values, setValues] = useState<AuditFilters>(filters);
  const set = (field: keyof AuditFilters, value: string) => setValues((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(values);
  }

  return (
    <form aria-label="Filter the audit log" className="admin-filters" onSubmit={onSubmit}>
      {textFields.map(({ field, label, hint }) => (
        <div key={field} className="field">
          <label htmlFor={`${id}-${field}`} className="field__label">
            {label}
          </label>
          <input
            id={`${id}-${field}`}
            name={field}
            value={values[field]}
            placeholder={hint}
            onChange={(event) => set(field, event.target.value)}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-from`} className="field__label">
          From (UTC)
        </label>
        <input
          id={`${id}-from`}
          type="date"
          name="from"
          value={values.from}
          onChange={(event) => set("from", event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`} className="field__label">
          To (UTC)
        </label>
        <input
          id={`${id}-to`}
          type="date"
          name="to"
          value={values.to}
          onChange={(event) => set("to", event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setValues(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
