import { Link } from "react-router";
import { roleLabels } from "../../auth/index.ts";
import { ReportButton } from "../../moderation/index.ts";
import { useProfile } from "../hooks/useFollows.ts";
import { formatCount } from "../socialText.ts";
import { FollowButton } from "./FollowButton.tsx";

type CreatorHeaderProps = {
  username: string;
  /** What to call them until their profile has loaded (e.g. the name on their tracks). */
  fallbackName: string;
};

/** A creator page's top: name, @username, bio, counts (followers and following link to their lists), Follow. */
export function CreatorHeader({ username, fallbackName }: CreatorHeaderProps) {
  const profile = useProfile(username).data;
  const name = profile ? (profile.displayName ?? profile.username) : fallbackName;
  const base = `/creators/${encodeURIComponent(username)}`;

  return (
    <div className="creator-header">
      <div className="creator-header__title">
        <h1>{name}</h1>
        {profile ? (
          <>
            <FollowButton username={profile.username} name={name} following={profile.viewer?.following ?? null} />
            <ReportButton subjectType="user" subjectId={profile.id} ownerId={profile.id} ariaLabel={`Report ${name}`} />
          </>
        ) : null}
      </div>
      <p className="page__subtitle creator-header__handle">
        @{username}
        {profile && profile.role !== "user" ? (
          <span className="track-badge track-badge--neutral">{roleLabels[profile.role]}</span>
        ) : null}
        {profile?.viewer?.followsYou ? <span className="track-badge track-badge--neutral">Follows you</span> : null}
      </p>
      {profile?.bio ? <p className="creator-header__bio">{profile.bio}</p> : null}
      {profile?.location ? <p className="creator-header__location">{profile.location}</p> : null}
      {profile ? (
        <ul className="creator-header__counts" aria-label={`About ${name}`}>
          <li>{formatCount(profile.trackCount, "track")}</li>
          <li>
            <Link to={`${base}/followers`}>{formatCount(profile.followerCount, "follower")}</Link>
          </li>
          <li>
            <Link to={`${base}/following`}>{profile.followingCount.toLocaleString("en")} following</Link>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
