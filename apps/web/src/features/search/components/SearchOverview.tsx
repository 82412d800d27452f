import type { ReactNode } from "react";
import { useId } from "react";
import { Link } from "react-router";
import { TrackList } from "../../tracks/index.ts";
import { useSearchOverview } from "../hooks/useSearchQueries.ts";
import { type SearchParams, searchUrl } from "../searchParams.ts";
import { noMatchesText } from "../searchText.ts";
import { CreatorList } from "./CreatorList.tsx";
import { PlaylistList } from "./PlaylistList.tsx";
import { CorrectedQueryNotice, SearchError, SearchLoading } from "./ResultStates.tsx";

type SectionProps = { title: string; seeAll: { to: string; label: string } | null; children: ReactNode };

function ResultSection({ title, seeAll, children }: SectionProps) {
  const titleId = useId();
  return (
    <section className="search-section" aria-labelledby={titleId}>
      <div className="search-section__header">
        <h2 id={titleId}>{title}</h2>
        {seeAll ? (
          <Link to={seeAll.to} className="search-section__see-all">
            {seeAll.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

/** The All tab: the first few tracks, creators and playlists, each with "See all" when there are more. */
export function SearchOverview({ params }: { params: SearchParams }) {
  const overview = useSearchOverview(params);
  if (overview.isPending) return <SearchLoading />;
  if (overview.isError) return <SearchError error={overview.error} onRetry={() => void overview.refetch()} />;

  const response = overview.data;
  const searched = response.correctedQuery ?? response.query;
  const tracks = response.tracks?.items ?? [];
  const creators = response.creators?.items ?? [];
  const playlists = response.playlists?.items ?? [];
  const seeAll = (type: "tracks" | "creators" | "playlists", more: boolean | undefined) =>
    more ? { to: searchUrl({ ...params, type }), label: `See all ${type}` } : null;
  const empty = (type: "tracks" | "creators" | "playlists") => (
    <p className="empty-state">{noMatchesText(type, searched, params)}</p>
  );

  return (
    <>
      <CorrectedQueryNotice response={response} />
      {tracks.length + creators.length + playlists.length === 0 ? (
        <p className="empty-state">{noMatchesText("all", searched, params)}</p>
      ) : (
        <>
          <ResultSection title="Tracks" seeAll={seeAll("tracks", Boolean(response.tracks?.nextCursor))}>
            {tracks.length > 0 ? <TrackList tracks={tracks} label="Tracks" /> : empty("tracks")}
          </ResultSection>
          <ResultSection title="Creators" seeAll={seeAll("creators", Boolean(response.creators?.nextCursor))}>
            {creators.length > 0 ? <CreatorList creators={creators} label="Creators" /> : empty("creators")}
          </ResultSection>
          <ResultSection title="Playlists" seeAll={seeAll("playlists", Boolean(response.playlists?.nextCursor))}>
            {playlists.length > 0 ? <PlaylistList playlists={playlists} label="Playlists" /> : empty("playlists")}
          </ResultSection>
        </>
      )}
    </>
  );
}
