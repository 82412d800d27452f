import { useState } from "react";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useMe } from "../../auth/index.ts";
import { useFollow } from "../hooks/useFollows.ts";
import { useSignInFirst } from "../hooks/useSignInFirst.ts";

type FollowButtonProps = {
  username: string;
  /** How the person is called on the button: "Follow Mira Sol". */
  name: string;
  /** Whether I follow them; null when signed out. */
  following: boolean | null;
};

/**
 * Follow / Unfollow: the label and the counts change at once, and go back with a reason if
 * the server refuses. Signed out, it asks to sign in first; on my own profile there is none.
 */
export function FollowButton({ username, name, following }: FollowButtonProps) {
  const me = useMe().data;
  const follow = useFollow(username, me?.username);
  const signInFirst = useSignInFirst();
  const [problem, setProblem] = useState<string | null>(null);
  if (me?.username === username) return null;

  return (
    <span className="follow-button">
      <button
        type="button"
        className={following ? "button button--secondary" : "button"}
        aria-label={`${following ? "Unfollow" : "Follow"} ${name}`}
        onClick={() => {
          if (following === null) {
            signInFirst();
            return;
          }
          setProblem(null);
          follow.mutate(!following, {
            onError: (error) =>
              setProblem(
                `${following ? "You still follow them" : "You don't follow them yet"}. ${errorMessage(error)}`,
              ),
          });
        }}
      >
        {following ? "Unfollow" : "Follow"}
      </button>
      {problem ? (
        <span role="alert" className="social-error">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
