import { ApiError } from "../../../lib/api.ts";
import { allPlaylists, useUserPlaylists } from "../hooks/usePlaylistQueries.ts";
import { PagedPlaylistGrid } from "./PlaylistGrid.tsx";

/** A creator's public playlists on their page; nothing at all when they have none. */
export function CreatorPlaylists({ username, name, isMe }: { username: string; name: string; isMe: boolean }) {
  const playlists = useUserPlaylists(username);
  // An unknown creator: the page already says so.
  if (playlists.error instanceof ApiError && playlists.error.code === "NOT_FOUND") return null;
  // Nothing until there is something to show, so an empty section never flashes up.
  if (playlists.isPending || (playlists.isSuccess && allPlaylists(playlists.data).length === 0)) return null;
  return (
    <section className="creator-playlists" aria-labelledby="creator-playlists-heading">
      <h2 id="creator-playlists-heading">{isMe ? "Your public playlists" : "Playlists"}</h2>
      <PagedPlaylistGrid query={playlists} label={`Playlists by ${name}`} empty="No public playlists yet." />
    </section>
  );
}
