import type { DataExportList } from "@stave/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isBuilding } from "../privacyText.ts";
import { fetchDataExports, requestDataExport } from "../services/privacyApi.ts";

export const dataExportsQueryKey = ["privacy", "exports"] as const;

// Building an export takes seconds to minutes; a light poll while one is under way shows
// it turn ready without a reload (the email and notification cover longer absences).
export const EXPORT_POLL_MS = 2000;

export function useDataExports() {
  return useQuery({
    queryKey: dataExportsQueryKey,
    queryFn: ({ signal }) => fetchDataExports(signal),
    refetchInterval: (query) => (query.state.data?.items.some(isBuilding) ? EXPORT_POLL_MS : false),
  });
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestDataExport,
    onSuccess: (created) => {
      // Shown at once, then confirmed (and polled) by the refetch.
      queryClient.setQueryData<DataExportList>(dataExportsQueryKey, (list) =>
        list ? { items: [created, ...list.items], remainingToday: Math.max(0, list.remainingToday - 1) } : list,
      );
    },
    // Either way the count of remaining exports has changed or was stale.
    onSettled: () => queryClient.invalidateQueries({ queryKey: dataExportsQueryKey }),
  });
}
