import type { AuditFilters } from "../auditFilters.ts";
import type { AdminUserFilters } from "../services/adminUsersApi.ts";
import type { ReportFilters } from "../services/moderationApi.ts";

/** Every cached admin query lives under ["admin"], so one invalidation refreshes them all. */
export const adminKeys = {
  all: ["admin"] as const,
  userLists: ["admin", "users"] as const,
  users: (filters: AdminUserFilters) => ["admin", "users", filters] as const,
  user: (id: string) => ["admin", "user", id] as const,
  settings: ["admin", "settings"] as const,
  invites: ["admin", "invites"] as const,
  stats: ["admin", "stats"] as const,
  failedJobs: ["admin", "jobs", "failed"] as const,
  audit: (filters: AuditFilters) => ["admin", "audit", filters] as const,
  reportLists: ["admin", "reports"] as const,
  reports: (filters: ReportFilters) => ["admin", "reports", filters] as const,
};
