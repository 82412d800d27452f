import type { AuditEntry } from "@stave/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/dates.ts";
import { shortId } from "../adminText.ts";

/** A user as a link to their admin page: by username when known, else the start of the id (the full id is its title). */
function UserLink({ id, username }: { id: string; username?: string | null | undefined }) {
  return (
    <Link to={`/admin/users/${id}`} title={id}>
      {username ?? <code>{shortId(id)}</code>}
    </Link>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  if (!entry.targetType && !entry.targetId) return "—";
  return (
    <>
      {entry.targetType ?? "?"}{" "}
      {entry.targetId ? (
        entry.targetType === "user" ? (
          <UserLink id={entry.targetId} />
        ) : (
          <code title={entry.targetId}>{shortId(entry.targetId)}</code>
        )
      ) : null}
    </>
  );
}

const metadataText = (metadata: Record<string, unknown>) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");

/** The audit log, newest first: when, who, what, to what, from where. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">Audit log</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Details</th>
          <th scope="col">IP</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            </td>
            <td>{entry.actorId ? <UserLink id={entry.actorId} username={entry.actorUsername} /> : "System"}</td>
            <th scope="row">
              <code>{entry.action}</code>
            </th>
            <td>
              <Target entry={entry} />
            </td>
            <td className="admin-table__secondary">{metadataText(entry.metadata)}</td>
            <td>{entry.ip ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
