import { type DataExportList, EXPORT_TTL_DAYS, EXPORTS_PER_DAY } from "@stave/contracts";
import { useId } from "react";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useDataExports, useRequestDataExport } from "../hooks/useDataExports.ts";
import { exportRetryAfterSeconds, formatWait, nextExportPossibleAt } from "../privacyText.ts";
import { DataExportItem } from "./DataExportItem.tsx";

/** Settings → Privacy: ask for a ZIP of all my data, see it being built, download it. */
export function DataExportSection() {
  const titleId = useId();
  const listId = useId();
  const exports = useDataExports();
  const request = useRequestDataExport();
  const retryAfter = exportRetryAfterSeconds(request.error);
  const remaining = exports.data?.remainingToday;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Download my data</h2>
      <p>
        Get a ZIP file with everything Stave keeps about you: your account and profile, your tracks with the original
        audio files you uploaded, playlists, likes, follows, comments, messages, listening history, notifications and
        security activity. We prepare it in the background and email you when it's ready; you can then download it here
        for {EXPORT_TTL_DAYS} days.
      </p>
      {retryAfter !== undefined ? (
        <ErrorAlert>
          <RateLimited retryAfterSeconds={retryAfter} since={request.submittedAt} />
        </ErrorAlert>
      ) : request.isError ? (
        <ErrorAlert>Your export wasn't requested. {errorMessage(request.error)}</ErrorAlert>
      ) : exports.data ? (
        <LimitNote list={exports.data} />
      ) : null}
      <button
        type="button"
        className="button"
        disabled={request.isPending || remaining === 0}
        onClick={() => request.mutate()}
      >
        {request.isPending ? "Requesting…" : "Request my data"}
      </button>

      <h3 id={listId}>Your exports</h3>
      {exports.isPending ? <p className="loading">Loading your exports…</p> : null}
      {exports.isError ? <LoadFailed what="your exports" query={exports} /> : null}
      {exports.data?.items.length === 0 ? <p>You haven't requested an export yet.</p> : null}
      {exports.data && exports.data.items.length > 0 ? (
        <ul className="item-list" aria-labelledby={listId}>
          {exports.data.items.map((item) => (
            <DataExportItem key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The 3-a-day limit, and where I stand with it. */
function LimitNote({ list }: { list: DataExportList }) {
  if (list.remainingToday > 0) {
    return (
      <p>
        You can request up to {EXPORTS_PER_DAY} exports in any 24 hours; you have {list.remainingToday} left.
      </p>
    );
  }
  const next = nextExportPossibleAt(list);
  return (
    <p className="privacy__limit">
      You've requested {EXPORTS_PER_DAY} exports in the last 24 hours, the most allowed.{" "}
      {next ? (
        <>
          You can request the next one after{" "}
          <time dateTime={next.toISOString()}>{formatDateTime(next.toISOString())}</time>.
        </>
      ) : (
        "You can request the next one within 24 hours."
      )}
    </p>
  );
}

function RateLimited({ retryAfterSeconds, since }: { retryAfterSeconds: number; since: number }) {
  const next = new Date((since || Date.now()) + retryAfterSeconds * 1000).toISOString();
  return (
    <p>
      You've already requested {EXPORTS_PER_DAY} exports in the last 24 hours. You can request the next one after{" "}
      <time dateTime={next}>{formatDateTime(next)}</time> (in {formatWait(retryAfterSeconds)}).
    </p>
  );
}
