import { useId } from "react";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useBlocks, useSetBlocked } from "../hooks/useBlocks.ts";
import { personName } from "../messageText.ts";
import type { BlockedPerson } from "../services/blocksApi.ts";

/** Settings → Notifications: the people I blocked, each with a way back. */
export function BlockedPeople() {
  const titleId = useId();
  const blocks = useBlocks();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Blocked people</h2>
      <p>
        People you block can't message you, their comments are hidden from you and they don't notify you. They aren't
        told.
      </p>
      {blocks.isPending ? <p className="loading">Loading…</p> : null}
      {blocks.isError ? <LoadFailed what="the people you blocked" query={blocks} /> : null}
      {blocks.data?.length === 0 ? <p className="empty-state">You haven't blocked anyone.</p> : null}
      {blocks.data && blocks.data.length > 0 ? (
        <ul className="item-list" aria-labelledby={titleId}>
          {blocks.data.map((person) => (
            <BlockedPersonItem key={person.id} person={person} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function BlockedPersonItem({ person }: { person: BlockedPerson }) {
  const unblock = useSetBlocked();
  const name = personName(person);
  return (
    <li className="item-list__item">
      <div className="item-list__main">
        <p className="item-list__title">{name}</p>
        <p className="item-list__meta">@{person.username}</p>
        {unblock.isError ? (
          <ErrorAlert>
            Couldn't unblock {name}. {errorMessage(unblock.error)}
          </ErrorAlert>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-label={`Unblock ${name}`}
        disabled={unblock.isPending || unblock.isSuccess}
        onClick={() => unblock.mutate({ username: person.username, block: false })}
      >
        {unblock.isPending ? "Unblocking…" : "Unblock"}
      </button>
    </li>
  );
}
