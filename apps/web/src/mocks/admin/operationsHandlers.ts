import { type AuditEntry, api, type auditQuerySchema } from "@stave/contracts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockAdminState } from "./state.ts";
import { offsetPage } from "./usersHandlers.ts";

type AuditFilters = Omit<ReturnType<typeof auditQuerySchema.parse>, "limit" | "cursor">;

/** The audit log filtered as the server filters it: an action ending in a dot is a prefix. */
function filterAudit(state: MockAdminState, filters: AuditFilters): AuditEntry[] {
  const actorLogin = filters.actor?.toLowerCase();
  const actorId = actorLogin === undefined ? filters.actorId : state.accounts.findByLogin(actorLogin)?.me.id;
  if (actorLogin !== undefined && actorId === undefined) return [];
  const { action, targetType, targetId, from, to } = filters;
  return state.audit.filter(
    (entry) =>
      (actorId === undefined || entry.actorId === actorId) &&
      (action === undefined || (action.endsWith(".") ? entry.action.startsWith(action) : entry.action === action)) &&
      (targetType === undefined || entry.targetType === targetType) &&
      (targetId === undefined || entry.targetId === targetId) &&
      (from === undefined || Date.parse(entry.createdAt) >= Date.parse(from)) &&
      (to === undefined || Date.parse(entry.createdAt) <= Date.parse(to)),
  );
}

/**
 * /api/v1/admin/stats, failed jobs and their retry, and the audit log. Not its CSV export:
 * the app offers that as a plain link, a navigation MSW never intercepts.
 */
export function adminOperationsHandlers(state: MockAdminState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.adminStats.overview, () => state.stats()),

    handle(api.adminJobs.failed, () => ({ items: state.failedJobs })),

    handle(api.adminJobs.retry, ({ params, user }) => {
      const job = state.failedJobs.find((candidate) => candidate.id === params.id);
      if (!job) return errorResponse("JOB_NOT_FAILED", "This job is not failed (any more).");
      state.failedJobs = state.failedJobs.filter((candidate) => candidate !== job);
      state.record(user, "admin.job_retry", { type: "job", id: job.id }, { name: job.name });
      return { id: job.id, state: "queued" as const };
    }),

    handle(api.audit.list, ({ query }) => {
      const { limit, cursor, ...filters } = query;
      // With each actor's current username, as the server joins it in.
      const entries = filterAudit(state, filters).map((entry) => ({
        ...entry,
        actorUsername: entry.actorId ? (state.accounts.findById(entry.actorId)?.me.username ?? null) : null,
      }));
      return offsetPage(entries, limit, cursor);
    }),
  ];
}
