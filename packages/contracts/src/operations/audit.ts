import { auditPageSchema, auditQuerySchema } from "../accounts.ts";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";

const admins = ["admin"] as const;

export const auditOperations = {
  list: operation({
    method: "GET",
    path: "/api/v1/admin/audit",
    summary: "The audit log, filtered",
    tags: ["admin"],
    access: admins,
    query: auditQuerySchema,
    response: { 200: auditPageSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
  /** The whole filtered log at once, so it takes the list's filters but not its paging. */
  exportCsv: operation({
    method: "GET",
    path: "/api/v1/admin/audit.csv",
    summary: "The audit log, filtered as for the list, as a CSV download (streamed, newest first)",
    tags: ["admin"],
    access: admins,
    query: auditQuerySchema.omit({ limit: true, cursor: true }),
    response: {},
    produces: "text/csv",
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
  mySecurityEvents: operation({
    method: "GET",
    path: "/api/v1/users/me/security-events",
    summary: "My recent security events",
    tags: ["me"],
    access: "authenticated",
    query: pageQuerySchema,
    response: { 200: auditPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
};
