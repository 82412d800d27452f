import type { AdminUserDetail, Visibility } from "@stave/contracts";
import { useId } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/dates.ts";
import { formatBytes } from "../../../lib/time.ts";
import { visibilityLabels } from "../../../lib/visibility.ts";
import { trackStatusNames } from "../adminText.ts";

/** A user's uploads, with their size and whether a moderator took them down. */
export function UserTracksTable({ user }: { user: AdminUserDetail }) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Tracks ({user.trackCount.toLocaleString("en")})</h2>
      {user.tracks.length === 0 ? (
        <p className="empty-state">No tracks.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">Tracks of {user.username}</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Visibility</th>
              <th scope="col" className="admin-table__number">
                Size
              </th>
              <th scope="col">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {user.tracks.map((track) => (
              <tr key={track.id}>
                <th scope="row">
                  <Link to={`/tracks/${track.id}`}>{track.title}</Link>
                </th>
                <td>
                  {trackStatusNames[track.status]}
                  {track.takenDown ? <span className="admin-state admin-state--suspended">Taken down</span> : null}
                </td>
                <td>{visibilityLabels[track.visibility as Visibility] ?? track.visibility}</td>
                <td className="admin-table__number">{formatBytes(track.sizeBytes)}</td>
                <td>
                  <time dateTime={track.createdAt}>{formatDateTime(track.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
