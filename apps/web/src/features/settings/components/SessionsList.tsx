import type { Session } from "@stave/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { describeUserAgent } from "../../../lib/userAgent.ts";
import { fetchSessions, revokeSession } from "../services/securityApi.ts";

export const sessionsQueryKey = ["me", "sessions"] as const;

/** Where the account is signed in, with a way to end any session but this one. */
export function SessionsList() {
  const titleId = useId();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => fetchSessions(signal) });

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Where you're signed in</h2>
      {sessions.isPending ? <p className="loading">Loading sessions…</p> : null}
      {sessions.isError ? <LoadFailed what="your sessions" query={sessions} /> : null}
      {sessions.data ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {/* The current session first: it is the one people look for. */}
          {[...sessions.data]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
        </ul>
      ) : null}
    </section>
  );
}

function SessionItem({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeSession(session.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
  const device = describeUserAgent(session.userAgent);

  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">
          {device}
          {session.current ? <span className="badge">This device</span> : null}
        </p>
        <p className="item-list__meta">
          {session.ip ? `IP ${session.ip}` : "IP unknown"} · Last active{" "}
          <time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt)}</time>
        </p>
        {revoke.isError ? <ErrorAlert>Couldn't sign out that session. {errorMessage(revoke.error)}</ErrorAlert> : null}
      </div>
      {session.current ? null : (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Sign out ${device}`}
          disabled={revoke.isPending || revoke.isSuccess}
          onClick={() => revoke.mutate()}
        >
          {revoke.isPending ? "Signing out…" : "Sign out"}
        </button>
      )}
    </li>
  );
}
