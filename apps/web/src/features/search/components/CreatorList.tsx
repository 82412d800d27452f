import type { CreatorSummary } from "@stave/contracts";
import { Link } from "react-router";
import { formatTrackCount } from "../searchText.ts";

/** Creators found by a search, each linking to their page. */
export function CreatorList({ creators, label }: { creators: readonly CreatorSummary[]; label: string }) {
  return (
    <ul className="track-list" aria-label={label}>
      {creators.map((creator) => (
        <li key={creator.id} className="track-list__item">
          <span className="search-avatar" aria-hidden="true">
            {(creator.displayName ?? creator.username).slice(0, 1).toUpperCase()}
          </span>
          <div className="track-list__main">
            <Link to={`/creators/${creator.username}`} className="track-list__title">
              {creator.displayName ?? creator.username}
            </Link>
            <span className="track-list__creator">@{creator.username}</span>
          </div>
          <span className="track-list__meta">{formatTrackCount(creator.trackCount)}</span>
        </li>
      ))}
    </ul>
  );
}
