import type { PlaylistSocial, PlaylistSummary } from "@stave/contracts";
import { useState } from "react";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useSignInFirst } from "../hooks/useSignInFirst.ts";
import { usePlaylistSocial, useTogglePlaylistLike } from "../hooks/useTrackSocial.ts";
import { SocialToggle } from "./SocialToggle.tsx";

type PlaylistLikeButtonProps = {
  playlist: Pick<PlaylistSummary, "id" | "title">;
  initial?: PlaylistSocial;
};

/** Like a playlist, with its like count: at once on screen, back with a reason if the server refuses. */
export function PlaylistLikeButton({ playlist, initial }: PlaylistLikeButtonProps) {
  const social = usePlaylistSocial(playlist.id, initial);
  const like = useTogglePlaylistLike(playlist.id);
  const signInFirst = useSignInFirst();
  const [problem, setProblem] = useState<string | null>(null);

  if (social.isError) return null;
  const data = social.data;

  return (
    <div className="social-actions social-actions--page">
      <SocialToggle
        icon="like"
        label={`Like ${playlist.title}`}
        pressed={data?.viewer?.liked ?? false}
        count={data?.likeCount}
        noun={["like", "likes"]}
        disabled={!data}
        onToggle={() => {
          if (!data) return;
          if (!data.viewer) {
            signInFirst();
            return;
          }
          setProblem(null);
          like.mutate(!data.viewer.liked, {
            onError: (error) => setProblem(`Your like wasn't saved. ${errorMessage(error)}`),
          });
        }}
      />
      {problem ? (
        <p role="alert" className="social-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
