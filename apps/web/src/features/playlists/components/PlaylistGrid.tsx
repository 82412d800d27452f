import type { PlaylistPage, PlaylistSummary } from "@stave/contracts";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { PagedList } from "../../../components/PagedList.tsx";
import { visibilityLabels } from "../../../lib/visibility.ts";
import { allPlaylists } from "../hooks/usePlaylistQueries.ts";
import { formatPlaylistSize } from "../playlistText.ts";
import { PlaylistCover } from "./PlaylistCover.tsx";

type PlaylistGridProps = {
  playlists: readonly PlaylistSummary[];
  /** Names the list, e.g. "My playlists". */
  label: string;
  /** Mark the unlisted and private ones (on your own lists). */
  showVisibility?: boolean;
};

/** Playlists as cards: cover, title (the link), size. */
export function PlaylistGrid({ playlists, label, showVisibility = false }: PlaylistGridProps) {
  return (
    <ul className="playlist-grid" aria-label={label}>
      {playlists.map((playlist) => (
        <li key={playlist.id} className="playlist-card">
          <Link to={`/playlists/${playlist.id}`} className="playlist-card__link">
            <PlaylistCover artworkUrls={playlist.artworkUrls} />
            <span className="playlist-card__title">{playlist.title}</span>
          </Link>
          <span className="playlist-card__meta">
            {formatPlaylistSize(playlist)}
            {showVisibility && playlist.visibility !== "public" ? (
              <span className="track-badge track-badge--neutral">{visibilityLabels[playlist.visibility]}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

type PagedPlaylistGridProps = Omit<PlaylistGridProps, "playlists"> & {
  query: UseInfiniteQueryResult<InfiniteData<PlaylistPage>>;
  empty: ReactNode;
};

/** A paginated grid: loading, failure with a retry, empty, and "Show more". */
export function PagedPlaylistGrid({ query, empty, ...grid }: PagedPlaylistGridProps) {
  return (
    <PagedList query={query} loading="Loading playlists…" what="the playlists" itemsOf={allPlaylists} empty={empty}>
      {(playlists) => <PlaylistGrid playlists={playlists} {...grid} />}
    </PagedList>
  );
}
