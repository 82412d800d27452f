import { type AdminUserDetail, type AdminUserPage, type AdminUserState, api, type Role } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

export type AdminUserFilters = { q: string; role: Role | ""; state: AdminUserState | "" };

/** A page of accounts, newest first; empty filters are left out. */
export function fetchAdminUsers(
  filters: AdminUserFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AdminUserPage> {
  const query = {
    limit: PAGE_SIZE,
    q: filters.q.trim() || undefined,
    role: filters.role || undefined,
    state: filters.state || undefined,
    cursor,
  };
  return callApi(api.adminUsers.search, { query, signal });
}

export function fetchAdminUser(id: string, signal?: AbortSignal): Promise<AdminUserDetail> {
  return callApi(api.adminUsers.get, { params: { id }, signal });
}

/** `expectedRole` is the role the admin saw: 409 ROLE_CHANGED_CONCURRENTLY when it changed meanwhile. */
export function changeUserRole(id: string, role: Role, expectedRole: Role) {
  return callApi(api.adminUsers.changeRole, { params: { id }, body: { role, expectedRole } });
}

// Each answers with the account as it now is; the page reloads the user afterwards anyway.

export function suspendUser(id: string, reason: string) {
  return callApi(api.adminUsers.suspend, { params: { id }, body: { reason } });
}

export function unsuspendUser(id: string) {
  return callApi(api.adminUsers.unsuspend, { params: { id } });
}

export function forcePasswordReset(id: string) {
  return callApi(api.adminUsers.forcePasswordReset, { params: { id } });
}

export function resendUserVerification(id: string) {
  return callApi(api.adminUsers.resendVerification, { params: { id } });
}

/** `null` puts the user back on the instance's default quota. */
export function setStorageQuota(id: string, storageQuotaBytes: number | null) {
  return callApi(api.adminUsers.setQuota, { params: { id }, body: { storageQuotaBytes } });
}
