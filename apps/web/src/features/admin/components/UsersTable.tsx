import type { AdminUserSummary } from "@stave/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/dates.ts";
import { roleLabels } from "../../auth/index.ts";
import { userStateLabels } from "../adminText.ts";

/** Accounts as admins scan them: who, role, state, when they joined and last signed in. */
export function UsersTable({ users }: { users: readonly AdminUserSummary[] }) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Users</caption>
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Joined</th>
          <th scope="col">Last sign-in</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <Link to={`/admin/users/${user.id}`}>{user.username}</Link>
              {user.displayName ? <span className="admin-table__secondary"> {user.displayName}</span> : null}
              <span className="admin-table__secondary admin-table__block">{user.email}</span>
            </th>
            <td>{roleLabels[user.role]}</td>
            <td>
              <span className={`admin-state admin-state--${user.state}`}>{userStateLabels[user.state]}</span>
            </td>
            <td>
              <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
            </td>
            <td>
              {user.lastLoginAt ? <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt)}</time> : "Never"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
