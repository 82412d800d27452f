import type { TrackPage } from "@stave/contracts";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { allItems } from "../hooks/useTrackQueries.ts";
import { TrackList } from "./TrackList.tsx";

type PagedTrackListProps = {
  query: UseInfiniteQueryResult<InfiniteData<TrackPage>>;
  label: string;
  empty: ReactNode;
  showCreator?: boolean;
};

/** A paginated list of public tracks: loading, failure with a retry, empty, and "Show more". */
export function PagedTrackList({ query, label, empty, showCreator }: PagedTrackListProps) {
  if (query.isPending) return <p className="loading">Loading tracks…</p>;
  if (query.isError) {
    return (
      <ErrorAlert>
        <p>We couldn't load the tracks. {errorMessage(query.error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </ErrorAlert>
    );
  }
  const tracks = allItems(query.data);
  if (tracks.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <>
      <TrackList tracks={tracks} label={label} showCreator={showCreator} />
      <ShowMoreButton query={query} />
    </>
  );
}
