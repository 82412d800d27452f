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
        <Link to="/login" className="account-menu__link">
          Sign in
        </Link>
        <Link to="/register" className="account-menu__link account-menu__link--primary">
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
          <Link to="/upload" className="account-menu__link">
            Upload
          </Link>
          <Link to="/me/tracks" className="account-menu__link">
            My tracks
          </Link>
          <Link to="/stats" className="account-menu__link">
            Stats
          </Link>
        </>
      ) : null}
      <Link to="/settings" className="account-menu__link">
        Settings
      </Link>
      <button
        type="button"
        className="account-menu__button"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
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
