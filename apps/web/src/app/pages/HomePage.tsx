import { useMe } from "../../features/auth/index.ts";
import { AccountDeletedNotice } from "../../features/privacy/index.ts";
import { LatestTracks } from "../../features/tracks/index.ts";
import { HomeFeed } from "./HomeFeed.tsx";

/** `/`: a signed-in listener's feed; for a visitor, a welcome and the latest tracks. */
export function HomePage() {
  const session = useMe();
  if (session.data) {
    return (
      <section className="page">
        <h1>Home</h1>
        <HomeFeed />
      </section>
    );
  }
  return (
    <section className="page">
      <AccountDeletedNotice />
      <h1>Welcome</h1>
      <p>
        Stream music straight from the people who make it. Search for artists and tracks, and keep what you love in your
        library.
      </p>
      {/* Not before we know who this is: a signed-in listener gets the feed instead. */}
      {session.isPending ? null : <LatestTracks />}
    </section>
  );
}
