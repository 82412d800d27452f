import { useId } from "react";
import { useLatestTracks } from "../hooks/useTrackQueries.ts";
import { PagedTrackList } from "./PagedTrackList.tsx";

/** The home page's list of the newest public tracks, each ready to play. */
export function LatestTracks() {
  const titleId = useId();
  const latest = useLatestTracks();
  return (
    <section className="latest-tracks" aria-labelledby={titleId}>
      <h2 id={titleId}>Latest tracks</h2>
      <PagedTrackList
        query={latest}
        label="Latest tracks"
        empty="Nothing here yet: no public tracks have been published."
      />
    </section>
  );
}
