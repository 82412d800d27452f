import { isCreatorTier } from "@stave/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { logout } from "../services/authApi.ts";
import { endSession } from "../session.ts";
import { useMe } from "../useMe.ts";

/** The header's account corner: sign-in links, or who is signed in and a way out. */
export function AccountMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: () => endSession(queryClient),
    onError: (error) => {
      // The session is already gone on the server: finish signing out here too.
      if (error instanceof ApiError && error.status === 401) endSession(queryClient);
    },
  });

  // Nothing until we know, so the header doesn't flash "Sign in" at a signed-in user.
  if (me.isPending) return <div className="account-menu" />;

  if (!me.data) {
    return (
      <div className="account-menu">
        <Link to="/login" className="header-button">
          Sign in
        </Link>
        <Link to="/register" className="header-button account-menu__register">
          Create account
        </Link>
      </div>
    );
  }

  const signOutFailed = signOut.isError && !(signOut.error instanceof ApiError && signOut.error.status === 401);
  return (
    <div className="account-menu">
      <span className="account-menu__user">
        <span className="visually-hidden">Signed in as </span>
        {me.data.username}
      </span>
      {isCreatorTier(me.data.role) ? (
        <>
          <Link to="/upload" className="header-button">
            Upload
          </Link>
          <Link to="/me/tracks" className="header-button">
            My tracks
          </Link>
          <Link to="/stats" className="header-button">
            Stats
          </Link>
        </>
      ) : null}
      <Link to="/settings" className="header-button">
        Settings
      </Link>
      <button type="button" className="header-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
      {signOutFailed ? (
        <p role="alert" className="account-menu__error">
          Couldn't sign out. {errorMessage(signOut.error)}
        </p>
      ) : null}
    </div>
  );
}
