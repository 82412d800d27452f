import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { PlaylistGrid } from "../../playlists/index.ts";
import { useLikedPlaylists, useLikedTracks } from "../../social/index.ts";
import { TrackList } from "../../tracks/index.ts";

type Paged<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor: string | null }>>;

/** Loading, failure with a retry, empty, the list, and "Show more": for both halves of the tab. */
function PagedSection<T>({
  query,
  what,
  empty,
  children,
}: {
  query: Paged<T>;
  what: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <p className="loading">Loading {what}…</p>;
  if (query.isError) {
    return <LoadFailed what={`your ${what}`} query={query} />;
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <>
      {children(items)}
      <ShowMoreButton query={query} />
    </>
  );
}

/** /library/likes: the tracks and playlists I like, latest like first. */
export function LibraryLikesTab() {
  const tracks = useLikedTracks();
  const playlists = useLikedPlaylists();

  return (
    <div className="library-likes">
      <section aria-labelledby="liked-tracks-heading">
        <h2 id="liked-tracks-heading">Liked tracks</h2>
        <PagedSection query={tracks} what="liked tracks" empty="Tracks you like show up here.">
          {(items) => (
            <TrackList
              tracks={items.map((item) => item.track)}
              label="Liked tracks"
              socialOf={(_track, index) => items[index]?.social}
            />
          )}
        </PagedSection>
      </section>
      <section aria-labelledby="liked-playlists-heading">
        <h2 id="liked-playlists-heading">Liked playlists</h2>
        <PagedSection query={playlists} what="liked playlists" empty="Playlists you like show up here.">
          {(items) => <PlaylistGrid playlists={items.map((item) => item.playlist)} label="Liked playlists" />}
        </PagedSection>
      </section>
    </div>
  );
}
