import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { useMe } from "../useMe.ts";

/** Location state the sign-in page reads to send the person back where they were going. */
export type ReturnTo = { from?: string };

/** Renders `children` for a signed-in user; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return <p className="loading">Loading your account…</p>;
  }
  if (me.isError) {
    return <LoadFailed what="your account" query={me} />;
  }
  if (me.data === null) {
    const returnTo: ReturnTo = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={returnTo} />;
  }
  return children;
}
