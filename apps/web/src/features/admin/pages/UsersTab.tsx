import { type AdminUserState, adminUserStates, type Role, roles } from "@stave/contracts";
import { useSearchParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { UserFilters } from "../components/UserFilters.tsx";
import { UsersTable } from "../components/UsersTable.tsx";
import { allItems, useAdminUsers } from "../hooks/useAdminQueries.ts";
import type { AdminUserFilters } from "../services/adminUsersApi.ts";

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | "" =>
  values.find((candidate) => candidate === value) ?? "";

/** /admin/users: every account, searched and filtered; the filters live in the URL. */
export function UsersTab() {
  const [params, setParams] = useSearchParams();
  const filters: AdminUserFilters = {
    q: params.get("q") ?? "",
    role: oneOf<Role>(roles, params.get("role")),
    state: oneOf<AdminUserState>(adminUserStates, params.get("state")),
  };
  const users = useAdminUsers(filters);
  const items = allItems(users.data);

  const apply = (next: AdminUserFilters) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== "")), { replace: true });

  return (
    <section aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">Users</h2>
      <UserFilters filters={filters} onChange={apply} />
      {users.isPending ? <p className="loading">Loading users…</p> : null}
      {users.isError ? <LoadFailed what="the users" query={users} /> : null}
      {users.isSuccess && items.length === 0 ? <p className="empty-state">No users match these filters.</p> : null}
      {items.length > 0 ? <UsersTable users={items} /> : null}
      <ShowMoreButton query={users} label="Load more users" className="button button--secondary" />
    </section>
  );
}
