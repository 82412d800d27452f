import { createContext, type ReactNode, useContext } from "react";
import { browserUserEventSource, type UserEventSource } from "../services/userEventSource.ts";

const UserEventSourceContext = createContext<UserEventSource>(browserUserEventSource);

/** Replaces where live events come from, for the tree below: tests and stories push their own. */
export function UserEventSourceProvider({ source, children }: { source: UserEventSource; children: ReactNode }) {
  return <UserEventSourceContext.Provider value={source}>{children}</UserEventSourceContext.Provider>;
}

export function useUserEventSource(): UserEventSource {
  return useContext(UserEventSourceContext);
}
