/** Audit: the log of security-relevant actions (table `audit_log`); other modules record into it. */

export { securityEventsExporter } from "./audit.export.ts";
export { eraseAuditAddressesOf } from "./audit.repo.ts";
export { registerAuditRoutes } from "./audit.routes.ts";
export { recordAudit } from "./audit.service.ts";
