import { useParams } from "react-router";
import { ApiError } from "../../../lib/api.ts";
import { creatorName } from "../../../lib/creatorName.ts";
import { useMe } from "../../auth/index.ts";
import { CreatorPlaylists } from "../../playlists/index.ts";
import { CreatorHeader } from "../../social/index.ts";
import { PagedTrackList } from "../components/PagedTrackList.tsx";
import { allItems, useCreatorTracks } from "../hooks/useTrackQueries.ts";

/** /creators/:username: a creator's public tracks (every one of them, when it is you). */
export function CreatorPage() {
  const { username = "" } = useParams();
  const tracks = useCreatorTracks(username);
  const me = useMe().data;
  const owner = allItems(tracks.data)[0]?.owner;
  const isMe = me?.username === username;

  if (tracks.error instanceof ApiError && tracks.error.code === "NOT_FOUND") {
    return (
      <section className="page">
        <h1>Creator not found</h1>
        <p>Nobody called “{username}” is on this instance.</p>
      </section>
    );
  }
  return (
    <section className="page">
      <CreatorHeader username={username} fallbackName={owner ? creatorName(owner) : username} />
      <h2>{isMe ? "Your tracks" : "Tracks"}</h2>
      <PagedTrackList
        query={tracks}
        label={`Tracks by ${owner ? creatorName(owner) : username}`}
        showCreator={false}
        empty={isMe ? "You haven't published any tracks yet." : "No public tracks yet."}
      />
      <CreatorPlaylists username={username} name={owner ? creatorName(owner) : username} isMe={isMe} />
    </section>
  );
}
