import { isCreatorTier, type StatsPeriod, statsPeriods } from "@stave/contracts";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert, LoadFailed } from "../../../components/Alert.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useMe } from "../../auth/index.ts";
import { PeriodPicker } from "../components/PeriodPicker.tsx";
import { PlaysChart } from "../components/PlaysChart.tsx";
import { TopTracksTable } from "../components/TopTracksTable.tsx";
import { useCreatorStats, useTrackStats } from "../hooks/useListeningQueries.ts";
import { countOf, formatLongDay } from "../statsText.ts";

const DEFAULT_PERIOD: StatsPeriod = 30;

function periodFrom(value: string | null): StatsPeriod {
  return statsPeriods.find((days) => String(days) === value) ?? DEFAULT_PERIOD;
}

/** /stats, behind RequireAuth: how my tracks are heard. The period and the charted track live in the URL. */
export function StatsPage() {
  const me = useMe();
  return (
    <section className="page stats-page">
      {me.data && !isCreatorTier(me.data.role) ? (
        <>
          <h1>Stats</h1>
          <p className="empty-state">
            Stats show how your tracks are heard. <Link to="/settings">Become a creator</Link> to upload tracks and
            follow their plays.
          </p>
        </>
      ) : (
        <CreatorStatsView />
      )}
    </section>
  );
}

function CreatorStatsView() {
  const [params, setParams] = useSearchParams();
  const days = periodFrom(params.get("days"));
  const trackId = params.get("track");
  const stats = useCreatorStats(days);
  const trackStats = useTrackStats(trackId, days);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <div className="page__title-row">
        <h1>Stats</h1>
        <PeriodPicker value={days} onChange={(next) => update({ days: String(next) })} />
      </div>
      {stats.isPending ? <p className="loading">Loading your stats…</p> : null}
      {stats.isError ? <LoadFailed what="your stats" query={stats} /> : null}
      {stats.data ? (
        <>
          <p className="page__subtitle stats-page__period">
            {formatLongDay(stats.data.from)} – {formatLongDay(stats.data.to)} (UTC)
          </p>
          <dl className="stats-totals" aria-label="Totals">
            <div>
              <dt>Plays</dt>
              <dd>{stats.data.totals.plays.toLocaleString("en")}</dd>
            </div>
            <div>
              <dt>Listeners</dt>
              <dd>{stats.data.totals.listeners.toLocaleString("en")}</dd>
            </div>
          </dl>

          {trackId ? (
            <section className="stats-chart" aria-label="Track chart">
              <div className="stats-chart__header">
                <h2>{trackStats.data?.track.title ?? "Track"}</h2>
                <button type="button" className="link-button" onClick={() => update({ track: null })}>
                  All tracks
                </button>
              </div>
              {trackStats.isError ? (
                <ErrorAlert>We couldn't load this track's stats. {errorMessage(trackStats.error)}</ErrorAlert>
              ) : null}
              {trackStats.data ? (
                <>
                  <p className="stats-chart__totals">
                    {countOf(trackStats.data.totals.plays, "play", "plays")},{" "}
                    {countOf(trackStats.data.totals.listeners, "listener", "listeners")}
                  </p>
                  <PlaysChart daily={trackStats.data.daily} label={`Plays per day of ${trackStats.data.track.title}`} />
                </>
              ) : (
                <p className="loading">Loading…</p>
              )}
            </section>
          ) : (
            <section className="stats-chart" aria-label="Chart">
              <h2>All tracks</h2>
              <PlaysChart daily={stats.data.daily} label="Plays per day, all tracks" />
            </section>
          )}

          {stats.data.topTracks.length > 0 ? (
            <TopTracksTable rows={stats.data.topTracks} selectedId={trackId} onSelect={(id) => update({ track: id })} />
          ) : (
            <p className="empty-state">
              No counted plays in this period yet. A play counts after 30 seconds of listening.
            </p>
          )}
        </>
      ) : null}
    </>
  );
}
