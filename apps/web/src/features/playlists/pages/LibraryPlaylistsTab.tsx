import { useState } from "react";
import { useNavigate } from "react-router";
import { NewPlaylistDialog } from "../components/PlaylistDialogs.tsx";
import { PagedPlaylistGrid } from "../components/PlaylistGrid.tsx";
import { useMyPlaylists } from "../hooks/usePlaylistQueries.ts";

/** /library (its Playlists tab): every playlist of mine, newest first, and "New playlist". */
export function LibraryPlaylistsTab() {
  const playlists = useMyPlaylists();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  return (
    <section className="library-playlists" aria-labelledby="library-playlists-heading">
      <div className="page__title-row">
        <h2 id="library-playlists-heading">Your playlists</h2>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          New playlist
        </button>
      </div>
      <PagedPlaylistGrid
        query={playlists}
        label="Your playlists"
        showVisibility
        empty="You have no playlists yet. Make one here, or with “Add to playlist” on any track."
      />
      {creating ? (
        <NewPlaylistDialog
          onClose={() => setCreating(false)}
          onCreated={(playlist) => navigate(`/playlists/${playlist.id}`)}
        />
      ) : null}
    </section>
  );
}
