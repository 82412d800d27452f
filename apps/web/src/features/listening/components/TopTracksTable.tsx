import type { TrackStatsRow } from "@stave/contracts";
import { Link } from "react-router";

type TopTracksTableProps = {
  rows: readonly TrackStatsRow[];
  /** The track whose chart is shown, if one is. */
  selectedId: string | null;
  onSelect: (trackId: string) => void;
};

/** My most played tracks of the period, each with a button to chart it on its own. */
export function TopTracksTable({ rows, selectedId, onSelect }: TopTracksTableProps) {
  return (
    <table className="top-tracks">
      <caption>Top tracks</caption>
      <thead>
        <tr>
          <th scope="col">Track</th>
          <th scope="col" className="top-tracks__number">
            Plays
          </th>
          <th scope="col" className="top-tracks__number">
            Listeners
          </th>
          <th scope="col">
            <span className="visually-hidden">Chart</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ track, plays, listeners }) => (
          <tr key={track.id} aria-current={track.id === selectedId ? "true" : undefined}>
            <th scope="row">
              <Link to={`/tracks/${track.id}`}>{track.title}</Link>
            </th>
            <td className="top-tracks__number">{plays.toLocaleString("en")}</td>
            <td className="top-tracks__number">{listeners.toLocaleString("en")}</td>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={`Chart ${track.title}`}
                aria-pressed={track.id === selectedId}
                onClick={() => onSelect(track.id)}
              >
                Chart
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
