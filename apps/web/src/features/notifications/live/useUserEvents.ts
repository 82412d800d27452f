import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useMe } from "../../auth/useMe.ts";
import { applyUserEvent, refreshAfterGap } from "./applyUserEvent.ts";
import { useUserEventSource } from "./UserEventSourceContext.tsx";

/**
 * The page's one live connection for the signed-in user: it feeds the query cache, which
 * every badge, list and thread reads. Mount it once (the header does); it opens when
 * someone signs in and closes when they sign out.
 */
export function useUserEvents(): void {
  const userId = useMe().data?.id;
  const source = useUserEventSource();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!userId) return;
    return source({
      onEvent: (event) => applyUserEvent(queryClient, event),
      onReconnect: () => refreshAfterGap(queryClient),
    });
  }, [userId, source, queryClient]);
}
