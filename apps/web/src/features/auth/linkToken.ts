import { useEffect, useState } from "react";
import { type Location, useLocation, useNavigate } from "react-router";

const fragmentParams = (hash: string) => new URLSearchParams(hash.replace(/^#/, ""));

function tokenIn(location: Location): string {
  return fragmentParams(location.hash).get("token") ?? new URLSearchParams(location.search).get("token") ?? "";
}

/** `params` without its token, as a `?…`/`#…` part ("" when nothing is left). */
function withoutToken(params: URLSearchParams, prefix: "?" | "#"): string {
  params.delete("token");
  const rest = params.toString();
  return rest ? `${prefix}${rest}` : "";
}

/**
 * The single-use token of a mailed link (verify email, reset password). Links carry it in
 * the fragment, `#token=…`, which a browser never sends: it stays out of access logs on
 * every proxy on the way. `?token=…` is still read, for links mailed before the change.
 *
 * Once read, it is taken out of the address (replacing the history entry, so Back does not
 * bring it back either): a token left in the address bar is shown to anyone looking at the
 * screen, kept in the history and copied along when the address is shared. The token is
 * kept in state, so the page keeps working when it renders again with the cleaned address.
 */
export function useLinkToken(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const inAddress = tokenIn(location);
  const [kept, setKept] = useState(inAddress);
  // Another link opened in the same tab (the page stays mounted): its token replaces the kept one.
  if (inAddress && inAddress !== kept) setKept(inAddress);

  const { pathname, search, hash, state } = location;
  useEffect(() => {
    if (!inAddress) return;
    const cleaned = {
      pathname,
      search: withoutToken(new URLSearchParams(search), "?"),
      hash: withoutToken(fragmentParams(hash), "#"),
    };
    // The router's navigate, not history.replaceState itself: it calls replaceState and
    // keeps the router's idea of the location in step with the address bar.
    navigate(cleaned, { replace: true, state });
  }, [inAddress, pathname, search, hash, state, navigate]);

  return inAddress || kept;
}
