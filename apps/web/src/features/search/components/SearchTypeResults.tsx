import type { SearchResponse, SearchType } from "@stave/contracts";
import type { ReactNode } from "react";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { TrackList } from "../../tracks/index.ts";
import { useSearchPages } from "../hooks/useSearchQueries.ts";
import type { SearchParams } from "../searchParams.ts";
import { noMatchesText } from "../searchText.ts";
import { CreatorList } from "./CreatorList.tsx";
import { PlaylistList } from "./PlaylistList.tsx";
import { CorrectedQueryNotice, SearchError, SearchLoading } from "./ResultStates.tsx";

export type SingleSearchType = Exclude<SearchType, "all">;

/** Every loaded page's items of the tab's type, as its list. */
function resultList(type: SingleSearchType, pages: readonly SearchResponse[]): { count: number; list: ReactNode } {
  switch (type) {
    case "tracks": {
      const tracks = pages.flatMap((page) => page.tracks?.items ?? []);
      return { count: tracks.length, list: <TrackList tracks={tracks} label="Tracks" /> };
    }
    case "creators": {
      const creators = pages.flatMap((page) => page.creators?.items ?? []);
      return { count: creators.length, list: <CreatorList creators={creators} label="Creators" /> };
    }
    case "playlists": {
      const playlists = pages.flatMap((page) => page.playlists?.items ?? []);
      return { count: playlists.length, list: <PlaylistList playlists={playlists} label="Playlists" /> };
    }
  }
}

/** One type's tab: page after page of it, with "Load more" while the server has a next cursor. */
export function SearchTypeResults({ params, type }: { params: SearchParams; type: SingleSearchType }) {
  const results = useSearchPages({ ...params, type });
  if (results.isPending) return <SearchLoading />;
  // A failed "Load more" keeps what was loaded and says so by the button instead.
  if (results.isError && !results.isFetchNextPageError) {
    return <SearchError error={results.error} onRetry={() => void results.refetch()} />;
  }

  const first = results.data.pages[0];
  if (!first) return <SearchLoading />;
  const { count, list } = resultList(type, results.data.pages);
  return (
    <>
      <CorrectedQueryNotice response={first} />
      {count === 0 ? (
        <p className="empty-state">{noMatchesText(type, first.correctedQuery ?? first.query, params)}</p>
      ) : (
        list
      )}
      {results.isFetchNextPageError ? (
        <p role="alert" className="field__error">
          We couldn't load more. {errorMessage(results.error)}
        </p>
      ) : null}
      <ShowMoreButton query={results} label="Load more" />
    </>
  );
}
