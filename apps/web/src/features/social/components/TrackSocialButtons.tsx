import type { TrackSocial, TrackSummary } from "@stave/contracts";
import { useState } from "react";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useSignInFirst } from "../hooks/useSignInFirst.ts";
import { useToggleTrackSocial, useTrackSocial } from "../hooks/useTrackSocial.ts";
import { formatCount } from "../socialText.ts";
import { SocialIcon } from "./SocialIcon.tsx";
import { SocialToggle } from "./SocialToggle.tsx";

type TrackSocialButtonsProps = {
  track: Pick<TrackSummary, "id" | "title">;
  /** The counts a feed or likes page already sent with the track. */
  initial?: TrackSocial;
  /** "page": the track page's larger buttons; "row": a track list's. */
  variant?: "page" | "row";
};

/** What a refused like or repost means to the person who clicked. */
function problemOf(action: "like" | "repost", error: unknown): string {
  if (action === "like") return `Your like wasn't saved. ${errorMessage(error)}`;
  // The server's two refusals: my own track (400) and one that is not public (409).
  if (error instanceof ApiError && error.code === "BAD_REQUEST") return "You can't repost your own track.";
  if (error instanceof ApiError && error.code === "CONFLICT") return "Only public tracks can be reposted.";
  return `The repost wasn't saved. ${errorMessage(error)}`;
}

/**
 * Like and repost, each with its count, and the number of comments. A click shows at once;
 * a refusal puts the button back and says why. Signed out, a click goes to sign in first.
 */
export function TrackSocialButtons({ track, initial, variant = "row" }: TrackSocialButtonsProps) {
  const social = useTrackSocial(track.id, initial);
  const like = useToggleTrackSocial(track.id, "like");
  const repost = useToggleTrackSocial(track.id, "repost");
  const signInFirst = useSignInFirst();
  const [problem, setProblem] = useState<string | null>(null);

  // A track the caller may no longer see has no counts to show; the rest of the row still works.
  if (social.isError) return null;
  const data = social.data;
  const viewer = data?.viewer;

  const toggle = (action: "like" | "repost") => {
    if (!data) return;
    if (!viewer) {
      signInFirst();
      return;
    }
    setProblem(null);
    const mutation = action === "like" ? like : repost;
    const on = action === "like" ? !viewer.liked : !viewer.reposted;
    mutation.mutate(on, { onError: (error) => setProblem(problemOf(action, error)) });
  };

  const commentCount = data?.commentCount;
  return (
    <div className={`social-actions social-actions--${variant}`}>
      <SocialToggle
        icon="like"
        label={`Like ${track.title}`}
        pressed={viewer?.liked ?? false}
        count={data?.likeCount}
        noun={["like", "likes"]}
        disabled={!data}
        onToggle={() => toggle("like")}
      />
      <SocialToggle
        icon="repost"
        label={`Repost ${track.title}`}
        pressed={viewer?.reposted ?? false}
        count={data?.repostCount}
        noun={["repost", "reposts"]}
        disabled={!data}
        onToggle={() => toggle("repost")}
      />
      {commentCount === undefined ? null : variant === "row" ? (
        <span className="social-count">
          <SocialIcon name="comment" />
          {commentCount.toLocaleString("en")}
          <span className="visually-hidden"> {commentCount === 1 ? "comment" : "comments"}</span>
        </span>
      ) : (
        <a href="#comments" className="social-count">
          <SocialIcon name="comment" />
          {formatCount(commentCount, "comment")}
        </a>
      )}
      {problem ? (
        <p role="alert" className="social-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
