import { useLocation, useNavigate } from "react-router";
import type { ReturnTo } from "../../auth/index.ts";

/** For a signed-out visitor who clicks Like or Follow: sign in, then come back here. */
export function useSignInFirst(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    const returnTo: ReturnTo = { from: `${location.pathname}${location.search}` };
    navigate("/login", { state: returnTo });
  };
}
