import { Navigate } from "react-router";
import { TabbedPage } from "../../../components/TabbedPage.tsx";
import { useMe } from "../../auth/index.ts";
import { isAdmin, tabsFor } from "../adminAccess.ts";

/** /admin, behind RequireAuth and RequireStaffRole: a tab per page the role may open. */
export function AdminPage() {
  const role = useMe().data?.role;
  // Tabs are not matched exactly: a user's page keeps Users marked.
  return (
    <TabbedPage
      title={isAdmin(role) ? "Admin" : "Moderation"}
      navLabel="Admin"
      className="admin"
      tabs={tabsFor(role)}
    />
  );
}

/** /admin itself: the first tab the role may open. */
export function AdminIndex() {
  const role = useMe().data?.role;
  return <Navigate to={isAdmin(role) ? "/admin/users" : "/admin/moderation"} replace />;
}
