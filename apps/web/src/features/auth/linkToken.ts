import { useLocation } from "react-router";

/**
 * The single-use token of a mailed link (verify email, reset password). Links carry it in
 * the fragment, `#token=…`, which a browser never sends: it stays out of access logs on
 * every proxy on the way. `?token=…` is still read, for links mailed before the change.
 */
export function useLinkToken(): string {
  const { hash, search } = useLocation();
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? new URLSearchParams(search).get("token") ?? "";
}
