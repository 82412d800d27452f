import type { FeedItem } from "@stave/contracts";
import { useId } from "react";
import { Link } from "react-router";
import { LoadFailed } from "../../components/Alert.tsx";
import { ShowMoreButton } from "../../components/ShowMoreButton.tsx";
import { useFeed } from "../../features/social/index.ts";
import { TrackList } from "../../features/tracks/index.ts";
import { creatorName } from "../../lib/creatorName.ts";

/** Why the feed shows a track: a new one by someone I follow, their repost, or a popular one. */
function FeedReason({ item }: { item: FeedItem }) {
  if (item.reason === "repost" && item.repostedBy) {
    return (
      <span className="feed-reason">
        Reposted by <Link to={`/creators/${item.repostedBy.username}`}>{creatorName(item.repostedBy)}</Link>
      </span>
    );
  }
  if (item.reason === "popular") return <span className="feed-reason feed-reason--popular">Popular</span>;
  return <span className="feed-reason">New track</span>;
}

/** The signed-in home page's feed: what the people I follow posted and reposted, then popular tracks. */
export function HomeFeed() {
  const titleId = useId();
  const feed = useFeed();
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="home-feed" aria-labelledby={titleId}>
      <h2 id={titleId}>Your feed</h2>
      {feed.isPending ? (
        <p className="loading">Loading your feed…</p>
      ) : feed.isError ? (
        <LoadFailed what="your feed" query={feed} />
      ) : items.length === 0 ? (
        <p className="empty-state">
          Nothing here yet. Follow creators you like and their new tracks and reposts show up here.
        </p>
      ) : (
        <>
          {items.every((item) => item.reason === "popular") ? (
            <p className="home-feed__hint">
              Follow creators to see their new tracks and reposts first. Until then, here is what is popular.
            </p>
          ) : null}
          <TrackList
            tracks={items.map((item) => item.track)}
            label="Your feed"
            note={(_track, index) => {
              const item = items[index];
              return item ? <FeedReason item={item} /> : null;
            }}
            socialOf={(_track, index) => items[index]?.social}
          />
          <ShowMoreButton query={feed} />
        </>
      )}
    </section>
  );
}
