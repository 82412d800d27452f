import type { AdminUserDetail } from "@stave/contracts";
import { useId } from "react";
import { formatDateTime } from "../../../lib/dates.ts";
import { describeUserAgent } from "../../../lib/userAgent.ts";

/** Where the user is signed in. */
export function UserSessionsList({ user }: { user: AdminUserDetail }) {
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Sessions</h2>
      {user.sessions.length === 0 ? (
        <p className="empty-state">Not signed in anywhere.</p>
      ) : (
        <ul className="item-list" aria-labelledby={titleId}>
          {user.sessions.map((session) => (
            <li key={session.id} className="item-list__item">
              <div className="item-list__main">
                <p className="item-list__title">{describeUserAgent(session.userAgent)}</p>
                <p className="item-list__meta">
                  {session.ip ? `IP ${session.ip}` : "IP unknown"} · Signed in{" "}
                  <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
                  {session.lastSeenAt ? (
                    <>
                      {" "}
                      · Last active <time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt)}</time>
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
