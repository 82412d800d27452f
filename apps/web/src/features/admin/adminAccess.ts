import type { Role } from "@stave/contracts";

/** Who may open /admin at all: moderators see the moderation queue, admins everything. */
export const isStaff = (role: Role | undefined) => role === "admin" || role === "moderator";
export const isAdmin = (role: Role | undefined) => role === "admin";

type AdminTab = { to: string; label: string; adminOnly: boolean };

export const adminTabs: readonly AdminTab[] = [
  { to: "/admin/users", label: "Users", adminOnly: true },
  { to: "/admin/moderation", label: "Moderation", adminOnly: false },
  { to: "/admin/audit", label: "Audit log", adminOnly: true },
  { to: "/admin/settings", label: "Settings", adminOnly: true },
  { to: "/admin/stats", label: "Stats", adminOnly: true },
];

/** The tabs `role` may open, in order. */
export const tabsFor = (role: Role | undefined) => adminTabs.filter((tab) => isAdmin(role) || !tab.adminOnly);
