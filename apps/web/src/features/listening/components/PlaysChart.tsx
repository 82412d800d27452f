import { useId } from "react";
import { countOf, formatDay, formatLongDay, niceCeiling } from "../statsText.ts";

export type ChartDay = { day: string; plays: number; listeners?: number };

type PlaysChartProps = {
  daily: readonly ChartDay[];
  /** What the chart shows, e.g. "Plays per day, all tracks": its accessible name. */
  label: string;
  /** What a bar counts, singular and plural (default plays); the admin stats chart sign-ups too. */
  unit?: Unit;
};

type Unit = { one: string; many: string };
const PLAYS: Unit = { one: "play", many: "plays" };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };
const PLOT_WIDTH = WIDTH - PAD.left - PAD.right;
const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;

/** What a screen reader hears instead of the bars. */
function summaryOf(daily: readonly ChartDay[], unit: Unit): string {
  const first = daily[0];
  const last = daily.at(-1);
  if (!first || !last) return "No days to show.";
  const total = daily.reduce((sum, day) => sum + day.plays, 0);
  const range = `from ${formatLongDay(first.day)} to ${formatLongDay(last.day)}`;
  if (total === 0) return `No ${unit.many} ${range}.`;
  const busiest = daily.reduce((best, day) => (day.plays > best.plays ? day : best), first);
  return `${countOf(total, unit.one, unit.many)} ${range}; the busiest day was ${formatLongDay(busiest.day)} with ${countOf(busiest.plays, unit.one, unit.many)}.`;
}

function barTitle(day: ChartDay, unit: Unit): string {
  const listeners = day.listeners === undefined ? "" : `, ${countOf(day.listeners, "listener", "listeners")}`;
  return `${formatLongDay(day.day)}: ${countOf(day.plays, unit.one, unit.many)}${listeners}`;
}

/**
 * Plays per day as bars, in plain SVG: a bar per day (a year's fit too), a round scale
 * with gridlines, the first, middle and last day under the axis, and each bar's numbers on
 * hover. Scales with its container.
 */
export function PlaysChart({ daily, label, unit = PLAYS }: PlaysChartProps) {
  const titleId = useId();
  const descId = useId();
  const top = niceCeiling(Math.max(0, ...daily.map((day) => day.plays)));
  const slot = PLOT_WIDTH / Math.max(1, daily.length);
  const barWidth = Math.max(0.5, slot * (daily.length > 60 ? 0.9 : 0.7));
  const y = (plays: number) => PAD.top + PLOT_HEIGHT - (plays / top) * PLOT_HEIGHT;
  const ticks = [0, top / 2, top];
  const labelled = [...new Set([0, Math.floor((daily.length - 1) / 2), daily.length - 1])].filter(
    (index) => index >= 0,
  );

  return (
    <figure className="plays-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{label}</title>
        <desc id={descId}>{summaryOf(daily, unit)}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="plays-chart__tick">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {Number.isInteger(tick) ? tick.toLocaleString("en") : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {daily.map((day, index) => {
          const height = (day.plays / top) * PLOT_HEIGHT;
          return (
            <rect
              key={day.day}
              className="plays-chart__bar"
              data-day={day.day}
              data-plays={day.plays}
              x={PAD.left + index * slot + (slot - barWidth) / 2}
              y={PAD.top + PLOT_HEIGHT - height}
              width={barWidth}
              height={height}
            >
              <title>{barTitle(day, unit)}</title>
            </rect>
          );
        })}
        {labelled.map((index) => {
          const day = daily[index];
          if (!day) return null;
          const anchor = index === 0 ? "start" : index === daily.length - 1 ? "end" : "middle";
          const x =
            index === 0 ? PAD.left : index === daily.length - 1 ? WIDTH - PAD.right : PAD.left + (index + 0.5) * slot;
          return (
            <text key={day.day} className="plays-chart__day" x={x} y={HEIGHT - 8} textAnchor={anchor}>
              {formatDay(day.day)}
            </text>
          );
        })}
      </svg>
    </figure>
  );
}
