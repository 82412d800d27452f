import type { HistoryEntry, HistoryPage, StatsPeriod } from "@stave/contracts";
import {
  type InfiniteData,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  clearHistory,
  deleteHistoryEntry,
  fetchCreatorStats,
  fetchHistory,
  fetchTrackStats,
} from "../services/listeningApi.ts";
import { listeningKeys } from "./listeningKeys.ts";

/** Every loaded page's entries in one list. */
export const allEntries = (data: InfiniteData<HistoryPage> | undefined): HistoryEntry[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

export function useHistory() {
  return useInfiniteQuery({
    queryKey: listeningKeys.history,
    queryFn: ({ pageParam, signal }) => fetchHistory(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: HistoryPage) => last.nextCursor ?? undefined,
  });
}

/** Removes one entry; the loaded pages lose it at once, without refetching them all. */
export function useRemoveHistoryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => deleteHistoryEntry(entryId),
    onSuccess: (_result, entryId) => {
      queryClient.setQueryData<InfiniteData<HistoryPage>>(listeningKeys.history, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((entry) => entry.id !== entryId),
              })),
            }
          : data,
      );
    },
  });
}

export function useClearHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearHistory,
    onSuccess: () => queryClient.resetQueries({ queryKey: listeningKeys.history }),
  });
}

// Switching periods keeps the previous chart up until the next one arrives.
export function useCreatorStats(days: StatsPeriod) {
  return useQuery({
    queryKey: listeningKeys.stats(days),
    queryFn: ({ signal }) => fetchCreatorStats(days, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrackStats(trackId: string | null, days: StatsPeriod) {
  return useQuery({
    queryKey: listeningKeys.trackStats(trackId ?? "", days),
    queryFn: ({ signal }) => fetchTrackStats(trackId ?? "", days, signal),
    enabled: trackId !== null,
    placeholderData: keepPreviousData,
  });
}
