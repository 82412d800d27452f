import type { FollowEntry } from "@stave/contracts";
import { Link, NavLink, useParams } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { ApiError } from "../../../lib/api.ts";
import { creatorName } from "../../../lib/creatorName.ts";
import { FollowButton } from "../components/FollowButton.tsx";
import { useFollows, useProfile } from "../hooks/useFollows.ts";
import type { FollowDirection } from "../services/socialApi.ts";
import { formatCount } from "../socialText.ts";

/** /creators/:username/followers and /following: who follows them, or whom they follow, latest first. */
export function FollowsPage({ direction }: { direction: FollowDirection }) {
  const { username = "" } = useParams();
  const profile = useProfile(username);
  const follows = useFollows(username, direction);
  const name = profile.data ? (profile.data.displayName ?? profile.data.username) : username;
  const base = `/creators/${encodeURIComponent(username)}`;

  if (follows.error instanceof ApiError && follows.error.code === "NOT_FOUND") {
    return (
      <section className="page">
        <h1>Creator not found</h1>
        <p>Nobody called “{username}” is on this instance.</p>
      </section>
    );
  }
  const entries = follows.data?.pages.flatMap((page) => page.items) ?? [];
  const label = direction === "followers" ? `People who follow ${name}` : `People ${name} follows`;

  return (
    <section className="page follows-page">
      <p className="follows-page__back">
        <Link to={base}>← {name}</Link>
      </p>
      <h1>{label}</h1>
      <nav aria-label="Follows" className="settings__tabs library__tabs">
        <ul>
          <li>
            <NavLink to={`${base}/followers`}>Followers</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/following`}>Following</NavLink>
          </li>
        </ul>
      </nav>
      {follows.isPending ? (
        <p className="loading">Loading…</p>
      ) : follows.isError ? (
        <LoadFailed what="the list" query={follows} />
      ) : entries.length === 0 ? (
        <p className="empty-state">
          {direction === "followers" ? `Nobody follows ${name} yet.` : `${name} doesn't follow anyone yet.`}
        </p>
      ) : (
        <>
          <ul className="follow-list" aria-label={label}>
            {entries.map((entry) => (
              <FollowRow key={entry.user.id} entry={entry} />
            ))}
          </ul>
          <ShowMoreButton query={follows} />
        </>
      )}
    </section>
  );
}

function FollowRow({ entry }: { entry: FollowEntry }) {
  const name = creatorName(entry.user);
  return (
    <li className="follow-list__item">
      <div className="follow-list__main">
        <Link to={`/creators/${entry.user.username}`} className="follow-list__name">
          {name}
        </Link>
        <span className="follow-list__meta">
          @{entry.user.username} · {formatCount(entry.user.followerCount, "follower")}
        </span>
      </div>
      <FollowButton username={entry.user.username} name={name} following={entry.viewer?.following ?? null} />
    </li>
  );
}
