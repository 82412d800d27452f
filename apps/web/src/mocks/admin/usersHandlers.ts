import { api } from "@stave/contracts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockAdminState } from "./state.ts";

/** One page from the offset in `cursor`, as the other mocked lists do it. */
export function offsetPage<T>(items: readonly T[], limit: number, cursor: string | undefined) {
  const start = Number(cursor ?? 0) || 0;
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/** /api/v1/admin/users/*: the account directory and what admins do to accounts. */
export function adminUsersHandlers(state: MockAdminState) {
  const handle = mockOperations(state.accounts);
  /** The account a call is about, or the server's 404. */
  const userOr404 = (id: string | undefined): MockUser | Response =>
    state.accounts.findById(String(id)) ?? errorResponse("NOT_FOUND", "User not found");
  const userTarget = (user: MockUser) => ({ type: "user", id: user.me.id });

  return [
    handle(api.adminUsers.search, ({ query }) => {
      const { limit, cursor, ...filters } = query;
      return offsetPage(
        state.findUsers(filters).map((user) => state.summaryOf(user)),
        limit,
        cursor,
      );
    }),

    handle(api.adminUsers.get, ({ params }) => {
      const user = userOr404(params.id);
      return user instanceof Response ? user : state.detailOf(user);
    }),

    handle(api.adminUsers.changeRole, ({ params, body, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      const previousRole = user.me.role;
      if (previousRole !== body.expectedRole) {
        return errorResponse("ROLE_CHANGED_CONCURRENTLY", "The user's role changed since you loaded it.", {
          details: { currentRole: previousRole },
        });
      }
      user.me.role = body.role;
      state.record(admin, "admin.role_change", userTarget(user), { from: previousRole, to: body.role });
      return { id: user.me.id, role: body.role, previousRole };
    }),

    handle(api.adminUsers.suspend, ({ params, body, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      state.suspend(user, body.reason);
      state.record(admin, "admin.user_suspend", userTarget(user), { reason: body.reason });
      return state.detailOf(user);
    }),

    handle(api.adminUsers.unsuspend, ({ params, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      state.unsuspend(user);
      state.record(admin, "admin.user_unsuspend", userTarget(user));
      return state.detailOf(user);
    }),

    handle(api.adminUsers.forcePasswordReset, ({ params, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      Object.assign(state.recordOf(user.me.id), { passwordResetRequired: true, sessions: [] });
      state.record(admin, "admin.force_password_reset", userTarget(user));
      return state.detailOf(user);
    }),

    handle(api.adminUsers.resendVerification, ({ params, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      state.record(admin, "admin.resend_verification", userTarget(user));
      return state.detailOf(user);
    }),

    handle(api.adminUsers.setQuota, ({ params, body, user: admin }) => {
      const user = userOr404(params.id);
      if (user instanceof Response) return user;
      state.recordOf(user.me.id).storageQuotaOverrideBytes = body.storageQuotaBytes;
      state.record(admin, "admin.quota_change", userTarget(user), { storageQuotaBytes: body.storageQuotaBytes });
      return state.detailOf(user);
    }),
  ];
}
