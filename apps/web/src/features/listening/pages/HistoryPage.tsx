import type { TrackSummary } from "@stave/contracts";
import { useMemo } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { PagedList } from "../../../components/PagedList.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { LibraryTabs } from "../../library/index.ts";
import { ClearHistoryButton } from "../components/ClearHistoryButton.tsx";
import { HistoryEntryItem } from "../components/HistoryEntryItem.tsx";
import { allEntries, useHistory, useRemoveHistoryEntry } from "../hooks/useListeningQueries.ts";

/** /library/history, behind RequireAuth: every play of mine, newest first, under the library's tabs. */
export function HistoryPage() {
  const history = useHistory();
  const remove = useRemoveHistoryEntry();
  const entries = allEntries(history.data);
  // Play from here: the list's playable tracks, each once, in the order they were last heard.
  const queue = useMemo(() => {
    const seen = new Map<string, TrackSummary>();
    for (const entry of entries) {
      if (entry.track?.status === "ready" && !seen.has(entry.track.id)) seen.set(entry.track.id, entry.track);
    }
    return [...seen.values()];
  }, [entries]);

  return (
    <section className="page history-page">
      <LibraryTabs />
      <div className="page__title-row">
        <h1>Recently played</h1>
        {entries.length > 0 ? <ClearHistoryButton /> : null}
      </div>
      {remove.isError ? <ErrorAlert>That play wasn't removed. {errorMessage(remove.error)}</ErrorAlert> : null}
      <PagedList
        query={history}
        loading="Loading your history…"
        what="your history"
        itemsOf={allEntries}
        empty="Nothing here yet. The tracks you play will show up here."
      >
        {(entries) => (
          <ul className="track-list history-list" aria-label="Recently played">
            {entries.map((entry) => (
              <HistoryEntryItem
                key={entry.id}
                entry={entry}
                queue={queue}
                removing={remove.isPending && remove.variables === entry.id}
                onRemove={() => remove.mutate(entry.id)}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
