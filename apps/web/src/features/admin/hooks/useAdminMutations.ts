import type { InstanceSettingsUpdate, ResolveReportRequest, Role } from "@stave/contracts";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/api.ts";
import { instanceQueryKey } from "../../instance/index.ts";
import {
  changeUserRole,
  forcePasswordReset,
  resendUserVerification,
  setStorageQuota,
  suspendUser,
  unsuspendUser,
} from "../services/adminUsersApi.ts";
import { createInvite, type NewInvite, revokeInvite, updateInstanceSettings } from "../services/instanceAdminApi.ts";
import { resolveReport } from "../services/moderationApi.ts";
import { retryJob } from "../services/operationsApi.ts";
import { adminKeys } from "./adminKeys.ts";

/** The user's page and every list they are in; the mutation stays pending until both are fresh. */
const refreshUser = (queryClient: QueryClient, id: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: adminKeys.user(id) }),
    queryClient.invalidateQueries({ queryKey: adminKeys.userLists }),
  ]);

function useUserMutation<V = void>(id: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshUser(queryClient, id) });
}

export type RoleChange = { role: Role; expectedRole: Role };

/** On 409 ROLE_CHANGED_CONCURRENTLY the user is reloaded, so the next try expects the role they have now. */
export function useChangeRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, expectedRole }: RoleChange) => changeUserRole(id, role, expectedRole),
    onSuccess: () => refreshUser(queryClient, id),
    onError: (error) => {
      if (error instanceof ApiError && error.code === "ROLE_CHANGED_CONCURRENTLY") void refreshUser(queryClient, id);
    },
  });
}

export const useSuspendUser = (id: string) => useUserMutation(id, (reason: string) => suspendUser(id, reason));
export const useUnsuspendUser = (id: string) => useUserMutation(id, () => unsuspendUser(id));
export const useForcePasswordReset = (id: string) => useUserMutation(id, () => forcePasswordReset(id));
export const useResendVerification = (id: string) => useUserMutation(id, () => resendUserVerification(id));
export const useSetQuota = (id: string) =>
  useUserMutation(id, (storageQuotaBytes: number | null) => setStorageQuota(id, storageQuotaBytes));

/** The saved settings replace the cached ones; the app's name and registration mode follow. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: InstanceSettingsUpdate) => updateInstanceSettings(changes),
    onSuccess: (settings) => {
      queryClient.setQueryData(adminKeys.settings, settings);
      return queryClient.invalidateQueries({ queryKey: instanceQueryKey });
    },
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invite: NewInvite) => createInvite(invite),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invites }),
  });
}

export function useRevokeInvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revokeInvite(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invites }),
  });
}

export function useRetryJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryJob(id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.failedJobs }),
        queryClient.invalidateQueries({ queryKey: adminKeys.stats }),
      ]),
  });
}

/**
 * Resolving closes other reports on the same subject too: every queue reloads. So does a 409
 * (closed by someone else meanwhile, or the subject restored already): the queue was stale.
 */
export function useResolveReport(id: string) {
  const queryClient = useQueryClient();
  const refreshQueues = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.reportLists }),
      queryClient.invalidateQueries({ queryKey: adminKeys.stats }),
    ]);
  return useMutation({
    mutationFn: (resolution: ResolveReportRequest) => resolveReport(id, resolution),
    onSuccess: refreshQueues,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void refreshQueues();
    },
  });
}
