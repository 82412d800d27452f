import type { TrackPage } from "@stave/contracts";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PagedList } from "../../../components/PagedList.tsx";
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
  return (
    <PagedList query={query} loading="Loading tracks…" what="the tracks" itemsOf={allItems} empty={empty}>
      {(tracks) => <TrackList tracks={tracks} label={label} showCreator={showCreator} />}
    </PagedList>
  );
}
