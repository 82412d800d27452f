import type { Role } from "@stave/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useMe } from "../../auth/index.ts";
import { isAdmin, isStaff } from "../adminAccess.ts";

/**
 * Inside RequireAuth: renders `children` for the roles allowed (`admin`: admins only;
 * `staff`: moderators too), and says so to anyone else instead of hinting what is there.
 */
export function RequireStaffRole({ level, children }: { level: "admin" | "staff"; children: ReactNode }) {
  const role: Role | undefined = useMe().data?.role;
  const allowed = level === "admin" ? isAdmin(role) : isStaff(role);
  if (allowed) return children;
  if (level === "admin" && isStaff(role)) {
    return (
      <section className="admin-not-allowed">
        <h2>Not allowed</h2>
        <p>
          Only administrators can open this page. The <Link to="/admin/moderation">moderation queue</Link> is yours.
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <h1>Not allowed</h1>
      <p>
        This page is for the instance's administrators and moderators. <Link to="/">Go back home</Link>.
      </p>
    </section>
  );
}
