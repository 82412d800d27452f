import { useMe } from "../../features/auth/useMe.ts";
import { AccountDeletedNotice } from "../../features/privacy/components/AccountDeletedNotice.tsx";
import { HomeFeed } from "../../features/social/components/HomeFeed.tsx";
import { LatestTracks } from "../../features/tracks/components/LatestTracks.tsx";

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
