import { useQuery } from "@tanstack/react-query";
import { fetchInstanceInfo } from "./services/instanceApi.ts";

/** Shown until the instance has told us its name, and whenever it cannot. */
export const DEFAULT_SITE_NAME = "Stave";

export const instanceQueryKey = ["instance"] as const;

export function useInstanceInfo() {
  return useQuery({
    queryKey: instanceQueryKey,
    queryFn: ({ signal }) => fetchInstanceInfo(signal),
    // An operator renames an instance rarely; no need to refetch on every focus.
    staleTime: 5 * 60 * 1000,
  });
}

export function useSiteName(): string {
  return useInstanceInfo().data?.name ?? DEFAULT_SITE_NAME;
}
