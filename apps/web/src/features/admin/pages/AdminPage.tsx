import { Navigate, NavLink, Outlet } from "react-router";
import { useMe } from "../../auth/useMe.ts";
import { isAdmin, tabsFor } from "../adminAccess.ts";

/** /admin, behind RequireAuth and RequireStaffRole: a tab per page the role may open. */
export function AdminPage() {
  const role = useMe().data?.role;
  return (
    <section className="page admin">
      <h1>{isAdmin(role) ? "Admin" : "Moderation"}</h1>
      <nav aria-label="Admin" className="settings__tabs">
        <ul>
          {tabsFor(role).map((tab) => (
            <li key={tab.to}>
              {/* Not `end`: a user's page keeps Users marked. */}
              <NavLink to={tab.to}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings__panel">
        <Outlet />
      </div>
    </section>
  );
}

/** /admin itself: the first tab the role may open. */
export function AdminIndex() {
  const role = useMe().data?.role;
  return <Navigate to={isAdmin(role) ? "/admin/users" : "/admin/moderation"} replace />;
}
