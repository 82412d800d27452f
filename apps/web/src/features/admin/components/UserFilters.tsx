import { type AdminUserState, adminUserStates, type Role, roles } from "@stave/contracts";
import { type FormEvent, useId, useState } from "react";
import { roleLabels } from "../../auth/index.ts";
import { userStateLabels } from "../adminText.ts";
import type { AdminUserFilters } from "../services/adminUsersApi.ts";

type UserFiltersProps = {
  filters: AdminUserFilters;
  onChange: (filters: AdminUserFilters) => void;
};

/** The search runs when submitted; a role or state applies at once. */
export function UserFilters({ filters, onChange }: UserFiltersProps) {
  const id = useId();
  const [q, setQ] = useState(filters.q);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() });
  }

  return (
    <form aria-label="Find users" className="admin-filters" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-q`} className="field__label">
          Email or username
        </label>
        <input id={`${id}-q`} type="search" name="q" value={q} onChange={(event) => setQ(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`} className="field__label">
          Role
        </label>
        <select
          id={`${id}-role`}
          name="role"
          value={filters.role}
          onChange={(event) => onChange({ ...filters, q: q.trim(), role: event.target.value as Role | "" })}
        >
          <option value="">Any role</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`} className="field__label">
          State
        </label>
        <select
          id={`${id}-state`}
          name="state"
          value={filters.state}
          onChange={(event) => onChange({ ...filters, q: q.trim(), state: event.target.value as AdminUserState | "" })}
        >
          <option value="">Any state</option>
          {adminUserStates.map((state) => (
            <option key={state} value={state}>
              {userStateLabels[state]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
