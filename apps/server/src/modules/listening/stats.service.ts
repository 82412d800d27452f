import type { CreatorStats, StatsPeriod, TrackStats } from "@stave/contracts";
import type { Database } from "../../platform/db/database.ts";
import { notFound } from "../../platform/http/errors.ts";
import { presentTrackSummary } from "../tracks/index.ts";
import {
  findOwnedTrack,
  ownerListeners,
  ownerPlaysPerDay,
  type Period,
  periodEndingToday,
  topTracks,
  trackListeners,
  trackPlaysPerDay,
} from "./stats.repo.ts";

const TOP_TRACKS = 10;
const DAY_MS = 24 * 3600 * 1000;

/** Every UTC day of the period, oldest first. */
export function daysOf({ from, to }: Period): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** The series with a row for every day of the period, zeros where nothing was played. */
function fill<T extends { day: string }>(period: Period, rows: T[], empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysOf(period).map((day) => byDay.get(day) ?? empty(day));
}

/** My catalogue's plays per day, top tracks and listeners over the period. Stats may lag: the replica. */
export async function creatorStats(database: Database, ownerId: string, days: StatsPeriod): Promise<CreatorStats> {
  const db = database.forRead();
  const period = await periodEndingToday(db, days);
  const [perDay, listeners, top] = await Promise.all([
    ownerPlaysPerDay(db, ownerId, period),
    ownerListeners(db, ownerId, period),
    topTracks(db, ownerId, period, TOP_TRACKS),
  ]);
  const daily = fill(
    period,
    perDay.map((row) => ({ day: row.day, plays: Number(row.plays) })),
    (day) => ({ day, plays: 0 }),
  );
  return {
    days,
    ...period,
    totals: { plays: daily.reduce((sum, row) => sum + row.plays, 0), listeners },
    daily,
    topTracks: top.map((row) => ({
      track: presentTrackSummary(row),
      plays: Number(row.plays),
      listeners: Number(row.listeners ?? 0),
    })),
  };
}

/** One of my tracks, day by day. Anyone else's track is a 404, whether it exists or not. */
export async function trackStats(
  database: Database,
  ownerId: string,
  trackId: string,
  days: StatsPeriod,
): Promise<TrackStats> {
  const db = database.forRead();
  const track = await findOwnedTrack(db, ownerId, trackId);
  if (!track) throw notFound("Track");
  const period = await periodEndingToday(db, days);
  const [perDay, listeners] = await Promise.all([
    trackPlaysPerDay(db, trackId, period),
    trackListeners(db, trackId, period),
  ]);
  const daily = fill(period, perDay, (day) => ({ day, plays: 0, listeners: 0 }));
  return {
    days,
    ...period,
    track: presentTrackSummary(track),
    totals: { plays: daily.reduce((sum, row) => sum + row.plays, 0), listeners },
    daily,
  };
}
