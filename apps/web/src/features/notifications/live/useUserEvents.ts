import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { endSession, meQueryKey, useMe } from "../../auth/index.ts";
import { applyUserEvent, refreshAfterGap } from "./applyUserEvent.ts";
import { useUserEventSource } from "./UserEventSourceContext.tsx";

/**
 * The page's one live connection for the signed-in user: it feeds the query cache, which
 * every badge, list and thread reads. Mount it once (the header does); it opens when
 * someone signs in and closes when they sign out, including when the server says their
 * session (signed out or revoked elsewhere) or account (suspended, deleted) is over.
 */
export function useUserEvents(): void {
  const userId = useMe().data?.id;
  const source = useUserEventSource();
  const queryClient = useQueryClient();
  /** Bumped to open the stream again for the same person (signed in again meanwhile). */
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reopens the stream on purpose
  useEffect(() => {
    if (!userId) return;
    let active = true;
    const close = source({
      onEvent: (event) => applyUserEvent(queryClient, event),
      onReconnect: () => refreshAfterGap(queryClient),
      onSignedOut: () => {
        // Ask who is signed in now rather than assume nobody: another tab may have signed in
        // again, and this browser's cookie is then good for a new stream.
        void queryClient.refetchQueries({ queryKey: meQueryKey, exact: true }).then(() => {
          if (!active) return;
          const me = queryClient.getQueryData(meQueryKey);
          // Nobody: forget the previous person's cached data, as signing out does.
          if (me === null) endSession(queryClient);
          else if (me !== undefined) setAttempt((count) => count + 1);
        });
      },
    });
    return () => {
      active = false;
      close();
    };
  }, [userId, source, queryClient, attempt]);
}
