import { type InstanceStats, roles, trackStatuses } from "@stave/contracts";
import { Link } from "react-router";
import { LoadFailed } from "../../../components/Alert.tsx";
import { formatBytes } from "../../../lib/time.ts";
import { roleLabels } from "../../auth/index.ts";
import { PlaysChart } from "../../listening/index.ts";
import { trackStatusNames } from "../adminText.ts";
import { FailedJobs } from "../components/FailedJobs.tsx";
import { useInstanceStats } from "../hooks/useAdminQueries.ts";

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);
const number = (count: number) => count.toLocaleString("en");

/** Counts by key, in the order of `keys` (then any the server added), skipping zeros. */
function CountList({
  label,
  counts,
  keys,
  names,
}: {
  label: string;
  counts: Record<string, number>;
  keys: readonly string[];
  names: Record<string, string>;
}) {
  const ordered = [...keys, ...Object.keys(counts).filter((key) => !keys.includes(key))];
  return (
    <table className="admin-table admin-counts">
      <caption>{label}</caption>
      <tbody>
        {ordered
          .filter((key) => (counts[key] ?? 0) > 0)
          .map((key) => (
            <tr key={key}>
              <th scope="row">{names[key] ?? key}</th>
              <td className="admin-table__number">{number(counts[key] ?? 0)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function StatsView({ stats }: { stats: InstanceStats }) {
  return (
    <>
      <dl className="stats-totals" aria-label="Totals">
        <div>
          <dt>Users</dt>
          <dd>{number(sum(stats.usersByRole))}</dd>
        </div>
        <div>
          <dt>Suspended</dt>
          <dd>{number(stats.suspendedUsers)}</dd>
        </div>
        <div>
          <dt>Tracks</dt>
          <dd>{number(sum(stats.tracksByStatus))}</dd>
        </div>
        <div>
          <dt>Storage used</dt>
          <dd>{formatBytes(stats.storageUsedBytes)}</dd>
        </div>
        <div>
          <dt>Open reports</dt>
          <dd>
            <Link to="/admin/moderation">{number(stats.openReports)}</Link>
          </dd>
        </div>
        <div>
          <dt>Jobs queued</dt>
          <dd>{number(stats.jobs.queued)}</dd>
        </div>
        <div>
          <dt>Jobs running</dt>
          <dd>{number(stats.jobs.running)}</dd>
        </div>
        <div>
          <dt>Jobs failed</dt>
          <dd>{number(stats.jobs.failed)}</dd>
        </div>
      </dl>
      <div className="admin-count-lists">
        <CountList label="Users by role" counts={stats.usersByRole} keys={roles} names={roleLabels} />
        <CountList
          label="Tracks by status"
          counts={stats.tracksByStatus}
          keys={trackStatuses}
          names={trackStatusNames}
        />
      </div>
      <section className="stats-chart" aria-label="Sign-ups chart">
        <h2>Sign-ups per day</h2>
        <PlaysChart
          daily={stats.signupsPerDay.map(({ day, count }) => ({ day, plays: count }))}
          label="Sign-ups per day, last 30 days"
          unit={{ one: "sign-up", many: "sign-ups" }}
        />
      </section>
      <section className="stats-chart" aria-label="Plays chart">
        <h2>Plays per day</h2>
        <PlaysChart
          daily={stats.playsPerDay.map(({ day, count }) => ({ day, plays: count }))}
          label="Plays per day, last 30 days"
        />
      </section>
    </>
  );
}

/** /admin/stats: how the instance is doing, and the jobs that failed. */
export function StatsTab() {
  const stats = useInstanceStats();
  return (
    <section aria-labelledby="admin-stats-heading">
      <h2 id="admin-stats-heading">Stats</h2>
      {stats.isPending ? <p className="loading">Loading the stats…</p> : null}
      {stats.isError ? <LoadFailed what="the stats" query={stats} /> : null}
      {stats.data ? <StatsView stats={stats.data} /> : null}
      <FailedJobs />
    </section>
  );
}
