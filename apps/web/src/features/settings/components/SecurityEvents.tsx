import type { AuditEntry } from "@stave/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { ShowMoreButton } from "../../../components/ShowMoreButton.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { describeUserAgent } from "../../../lib/userAgent.ts";
import { fetchSecurityEvents } from "../services/securityApi.ts";
import { isFailedAttempt, securityEventLabel } from "./securityEventLabels.ts";

export const securityEventsQueryKey = ["me", "security-events"] as const;

/** The account's recent security events, newest first, a page at a time. */
export function SecurityEvents() {
  const titleId = useId();
  const events = useInfiniteQuery({
    queryKey: securityEventsQueryKey,
    queryFn: ({ pageParam, signal }) => fetchSecurityEvents(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Recent security activity</h2>
      {events.isPending ? <p className="loading">Loading activity…</p> : null}
      {events.isError && !events.data ? <LoadFailed what="your security activity" query={events} /> : null}
      {events.isSuccess && items.length === 0 ? <p>No security activity yet.</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {items.map((entry) => (
            <SecurityEventItem key={entry.id} entry={entry} />
          ))}
        </ul>
      ) : null}
      {events.isFetchNextPageError ? (
        <ErrorAlert>Couldn't load more activity. {errorMessage(events.error)}</ErrorAlert>
      ) : null}
      <ShowMoreButton query={events} label="Show older activity" className="button button--secondary" />
    </section>
  );
}

function SecurityEventItem({ entry }: { entry: AuditEntry }) {
  const warning = isFailedAttempt(entry);
  return (
    <li className={warning ? "item-list__item item-list__item--warning" : "item-list__item"}>
      <div className="item-list__main">
        <p className="item-list__title">{securityEventLabel(entry)}</p>
        <p className="item-list__meta">
          <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> ·{" "}
          {describeUserAgent(entry.userAgent)} · {entry.ip ? `IP ${entry.ip}` : "IP unknown"}
        </p>
      </div>
    </li>
  );
}
