import { Link } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { MyTrackItem } from "../components/MyTrackItem.tsx";
import { allItems, useMyTracks } from "../hooks/useTrackQueries.ts";

/** /me/tracks, behind RequireAuth: every track I uploaded, in whatever state it is. */
export function MyTracksPage() {
  const tracks = useMyTracks();
  const items = allItems(tracks.data);

  return (
    <section className="page my-tracks">
      <div className="page__title-row">
        <h1>My tracks</h1>
        <Link to="/upload" className="button">
          Upload tracks
        </Link>
      </div>
      {tracks.isPending ? <p className="loading">Loading your tracks…</p> : null}
      {tracks.isError ? <LoadFailed what="your tracks" query={tracks} /> : null}
      {tracks.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          You haven't uploaded anything yet. <Link to="/upload">Upload your first track</Link>.
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="item-list my-tracks__list" aria-label="My tracks">
          {items.map((track) => (
            <MyTrackItem key={track.id} track={track} />
          ))}
        </ul>
      ) : null}
      <ShowMoreButton query={tracks} className="button button--secondary" />
    </section>
  );
}
