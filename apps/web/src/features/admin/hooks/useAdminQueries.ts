import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { AuditFilters } from "../auditFilters.ts";
import { type AdminUserFilters, fetchAdminUser, fetchAdminUsers } from "../services/adminUsersApi.ts";
import { fetchInstanceSettings, fetchInvites } from "../services/instanceAdminApi.ts";
import { fetchReports, type ReportFilters } from "../services/moderationApi.ts";
import { fetchAuditPage, fetchFailedJobs, fetchInstanceStats } from "../services/operationsApi.ts";
import { adminKeys } from "./adminKeys.ts";

const cursorOptions = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};

/** Every loaded page's items in one list. */
export const allItems = <T>(data: InfiniteData<{ items: T[] }> | undefined): T[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

export function useAdminUsers(filters: AdminUserFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam, signal }) => fetchAdminUsers(filters, pageParam, signal),
    ...cursorOptions,
  });
}

export function useAdminUser(id: string) {
  return useQuery({ queryKey: adminKeys.user(id), queryFn: ({ signal }) => fetchAdminUser(id, signal) });
}

export function useInstanceSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: ({ signal }) => fetchInstanceSettings(signal) });
}

export function useInvites() {
  return useQuery({ queryKey: adminKeys.invites, queryFn: ({ signal }) => fetchInvites(signal) });
}

export function useInstanceStats() {
  return useQuery({ queryKey: adminKeys.stats, queryFn: ({ signal }) => fetchInstanceStats(signal) });
}

export function useFailedJobs() {
  return useQuery({ queryKey: adminKeys.failedJobs, queryFn: ({ signal }) => fetchFailedJobs(signal) });
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    ...cursorOptions,
  });
}

export function useReports(filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.reports(filters),
    queryFn: ({ pageParam, signal }) => fetchReports(filters, pageParam, signal),
    ...cursorOptions,
  });
}
