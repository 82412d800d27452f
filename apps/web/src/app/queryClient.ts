import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { meQueryKey } from "../features/auth/index.ts";
import { ApiError } from "../lib/api.ts";

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  // A 401 from any request means the session ended elsewhere (expired, revoked from
  // another device, password changed): ask again who is signed in, so guarded pages
  // send the person to sign in instead of showing a stale account.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network blips and 5xx might.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
  return queryClient;
}
