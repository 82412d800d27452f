import type { FailedJob } from "@stave/contracts";
import { useId } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useRetryJob } from "../hooks/useAdminMutations.ts";
import { useFailedJobs } from "../hooks/useAdminQueries.ts";

/** Jobs the worker gave up on, with their last error and a way to run them again. */
export function FailedJobs() {
  const titleId = useId();
  const jobs = useFailedJobs();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Failed jobs</h2>
      {jobs.isPending ? <p className="loading">Loading failed jobs…</p> : null}
      {jobs.isError ? <ErrorAlert>We couldn't load the failed jobs. {errorMessage(jobs.error)}</ErrorAlert> : null}
      {jobs.data && jobs.data.length === 0 ? <p className="empty-state">No failed jobs.</p> : null}
      {jobs.data && jobs.data.length > 0 ? (
        <table className="admin-table">
          <caption className="visually-hidden">Failed jobs</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col" className="admin-table__number">
                Attempts
              </th>
              <th scope="col">Last error</th>
              <th scope="col">Failed</th>
              <th scope="col">
                <span className="visually-hidden">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((job) => (
              <FailedJobRow key={job.id} job={job} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function FailedJobRow({ job }: { job: FailedJob }) {
  const retry = useRetryJob(job.id);
  return (
    <tr>
      <th scope="row">
        <code>{job.name}</code>
      </th>
      <td className="admin-table__number">{job.attempts}</td>
      <td className="admin-table__error">
        {job.lastError ?? "—"}
        {retry.isError ? <ErrorAlert>The job wasn't retried. {errorMessage(retry.error)}</ErrorAlert> : null}
      </td>
      <td>
        <time dateTime={job.failedAt}>{formatDateTime(job.failedAt)}</time>
      </td>
      <td>
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Retry ${job.name}`}
          disabled={retry.isPending}
          onClick={() => retry.mutate()}
        >
          {retry.isPending ? "Retrying…" : "Retry"}
        </button>
      </td>
    </tr>
  );
}
