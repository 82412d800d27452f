import type { Me } from "@stave/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { setCsrfToken } from "../../lib/api.ts";
import { meQueryKey } from "./useMe.ts";

/** After a successful sign-in: remember the CSRF token and who is signed in. */
export function startSession(queryClient: QueryClient, session: { user: Me; csrfToken: string }): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(meQueryKey, session.user);
}

/**
 * After sign-out (or finding the session gone): forget the token and everything cached
 * for the previous user, so nothing of theirs shows to whoever uses the browser next.
 */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  const isMe = (queryKey: readonly unknown[]) =>
    queryKey.length === meQueryKey.length && queryKey.every((part, index) => part === meQueryKey[index]);
  void queryClient.cancelQueries({ predicate: (query) => !isMe(query.queryKey) });
  queryClient.removeQueries({ predicate: (query) => !isMe(query.queryKey) });
  queryClient.setQueryData(meQueryKey, null);
}
