/**
 * Admin: the staff's tools over users, jobs and statistics, and the `stave admin` commands.
 * It owns no table of its own: it acts through the modules that own them.
 */
export { setRoleAsOperator, suspendAsOperator, unsuspendAsOperator } from "./admin.cli.ts";
export { registerAdminJobRoutes } from "./admin.jobs.routes.ts";
export { registerAdminStatsRoutes } from "./admin.stats.routes.ts";
export { registerAdminUserRoutes } from "./admin.users.routes.ts";
