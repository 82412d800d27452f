import {
  adminUserQuerySchema,
  quotaOverrideRequestSchema,
  roleChangeRequestSchema,
  suspendRequestSchema,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson } from "../accounts/guards.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockAdminState } from "./state.ts";

/** One page from the offset in `cursor`, as the other mocked lists do it. */
export function offsetPage<T>(items: readonly T[], limit: number, cursor: string | undefined) {
  const start = Number(cursor ?? 0) || 0;
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

const ADMINS = ["admin"] as const;

/** /api/v1/admin/users/*: the account directory and what admins do to accounts. */
export function adminUsersHandlers(state: MockAdminState) {
  /** The admin making the call and the account it is about, or the reply the server gives instead. */
  function adminAndUser(request: Request, id: string): { admin: MockUser; user: MockUser } | Response {
    const admin = state.requireRole(request, ADMINS);
    if (admin instanceof Response) return admin;
    const user = state.accounts.findById(id);
    return user ? { admin, user } : errorResponse("NOT_FOUND", "User not found");
  }

  const detail = (user: MockUser) => HttpResponse.json(state.detailOf(user));
  const userTarget = (user: MockUser) => ({ type: "user", id: user.me.id });

  return [
    http.get("/api/v1/admin/users", ({ request }) => {
      const admin = state.requireRole(request, ADMINS);
      if (admin instanceof Response) return admin;
      const parsed = adminUserQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { limit, cursor, ...filters } = parsed.data;
      const found = state.findUsers(filters).map((user) => state.summaryOf(user));
      return HttpResponse.json(offsetPage(found, limit, cursor));
    }),

    http.get("/api/v1/admin/users/:id", ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      return found instanceof Response ? found : detail(found.user);
    }),

    http.put("/api/v1/admin/users/:id/role", async ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = roleChangeRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { user, admin } = found;
      const previousRole = user.me.role;
      if (previousRole !== parsed.data.expectedRole) {
        return errorResponse("ROLE_CHANGED_CONCURRENTLY", "The user's role changed since you loaded it.", {
          details: { currentRole: previousRole },
        });
      }
      user.me.role = parsed.data.role;
      state.record(admin, "admin.role_change", userTarget(user), { from: previousRole, to: parsed.data.role });
      return HttpResponse.json({ id: user.me.id, role: parsed.data.role, previousRole });
    }),

    http.post("/api/v1/admin/users/:id/suspend", async ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = suspendRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (found.user.me.id === found.admin.me.id) return errorResponse("FORBIDDEN", "You cannot suspend yourself.");
      if (state.stateOf(found.user) === "suspended")
        return errorResponse("CONFLICT", "This user is already suspended.");
      state.suspend(found.user, parsed.data.reason);
      state.record(found.admin, "admin.user_suspend", userTarget(found.user), { reason: parsed.data.reason });
      return detail(found.user);
    }),

    http.post("/api/v1/admin/users/:id/unsuspend", ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      if (state.stateOf(found.user) !== "suspended") return errorResponse("CONFLICT", "This user is not suspended.");
      state.unsuspend(found.user);
      state.record(found.admin, "admin.user_unsuspend", userTarget(found.user));
      return detail(found.user);
    }),

    http.post("/api/v1/admin/users/:id/force-password-reset", ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      Object.assign(state.recordOf(found.user.me.id), { passwordResetRequired: true, sessions: [] });
      state.record(found.admin, "admin.force_password_reset", userTarget(found.user));
      return detail(found.user);
    }),

    http.post("/api/v1/admin/users/:id/resend-verification", ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      if (found.user.me.isVerified) return errorResponse("CONFLICT", "This user has already verified their email.");
      state.record(found.admin, "admin.resend_verification", userTarget(found.user));
      return HttpResponse.json({ message: "We sent a new verification link." }, { status: 202 });
    }),

    http.put("/api/v1/admin/users/:id/quota", async ({ request, params }) => {
      const found = adminAndUser(request, String(params.id));
      if (found instanceof Response) return found;
      const parsed = quotaOverrideRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      state.recordOf(found.user.me.id).storageQuotaOverrideBytes = parsed.data.storageQuotaBytes;
      state.record(found.admin, "admin.quota_change", userTarget(found.user), {
        storageQuotaBytes: parsed.data.storageQuotaBytes,
      });
      return detail(found.user);
    }),
  ];
}
