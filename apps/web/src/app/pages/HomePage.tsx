import { LatestTracks } from "../../features/tracks/components/LatestTracks.tsx";

export function HomePage() {
  return (
    <section className="page">
      <h1>Welcome</h1>
      <p>
        Stream music straight from the people who make it. Search for artists and tracks, and keep what you love in your
        library.
      </p>
      <LatestTracks />
    </section>
  );
}
