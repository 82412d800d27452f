import type { StatsPeriod } from "@stave/contracts";

export const periodLabels: Record<StatsPeriod, string> = {
  7: "7 days",
  30: "30 days",
  365: "12 months",
};

const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "May 1" for a UTC day "2025-05-01". */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
/** "May 1, 2025". */
export const formatLongDay = (day: string) => longDayFormat.format(new Date(`${day}T00:00:00Z`));

/** "1 play", "1,234 plays" and the like. */
export const countOf = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** The smallest of 1, 2, 5 × 10ⁿ at or above `value`: a round top for an axis. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}
