import type { Me } from "@stave/contracts";
import { useQuery } from "@tanstack/react-query";
import { loadSession } from "./services/meApi.ts";

export const meQueryKey = ["auth", "me"] as const;

/** The signed-in user: `data` is `null` when signed out, `undefined` while loading. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => loadSession(signal),
    staleTime: 60 * 1000,
  });
}
