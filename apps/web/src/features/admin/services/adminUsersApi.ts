import {
  type AdminUserDetail,
  type AdminUserPage,
  type AdminUserState,
  adminUserDetailSchema,
  adminUserPageSchema,
  type Role,
  roleChangeResponseSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

export type AdminUserFilters = { q: string; role: Role | ""; state: AdminUserState | "" };

const userPath = (id: string) => `/api/v1/admin/users/${encodeURIComponent(id)}`;

/** A page of accounts, newest first; empty filters are left out. */
export function fetchAdminUsers(
  filters: AdminUserFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AdminUserPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.q.trim()) query.set("q", filters.q.trim());
  if (filters.role) query.set("role", filters.role);
  if (filters.state) query.set("state", filters.state);
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/admin/users?${query}`, { schema: adminUserPageSchema, signal });
}

export function fetchAdminUser(id: string, signal?: AbortSignal): Promise<AdminUserDetail> {
  return apiRequest(userPath(id), { schema: adminUserDetailSchema, signal });
}

/** `expectedRole` is the role the admin saw: 409 ROLE_CHANGED_CONCURRENTLY when it changed meanwhile. */
export function changeUserRole(id: string, role: Role, expectedRole: Role) {
  return apiRequest(`${userPath(id)}/role`, {
    method: "PUT",
    body: { role, expectedRole },
    schema: roleChangeResponseSchema,
  });
}

// The answers of these are not needed: the page reloads the user afterwards.

export function suspendUser(id: string, reason: string): Promise<undefined> {
  return apiRequest(`${userPath(id)}/suspend`, { method: "POST", body: { reason } });
}

export function unsuspendUser(id: string): Promise<undefined> {
  return apiRequest(`${userPath(id)}/unsuspend`, { method: "POST" });
}

export function forcePasswordReset(id: string): Promise<undefined> {
  return apiRequest(`${userPath(id)}/force-password-reset`, { method: "POST" });
}

export function resendUserVerification(id: string): Promise<undefined> {
  return apiRequest(`${userPath(id)}/resend-verification`, { method: "POST" });
}

/** `null` puts the user back on the instance's default quota. */
export function setStorageQuota(id: string, storageQuotaBytes: number | null): Promise<undefined> {
  return apiRequest(`${userPath(id)}/quota`, { method: "PUT", body: { storageQuotaBytes } });
}
