import { type CreatorStats, creatorStatsSchema, type TrackStats, trackStatsSchema } from "@stave/contracts";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { anonymous, buildListeningTrack, buildMember, listen, type Member, request } from "../../../test/listening.ts";
import { daysOf } from "./stats.service.ts";

const t = useTestApp();
let creator: Member;
let otherCreator: Member;
let fan: Member;
let trackA: string;
let trackB: string;
let theirTrack: string;
let today: string;

/** A UTC day `n` days before today. */
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function statsOf(who: Member, query = ""): Promise<CreatorStats> {
  const response = await request(t.app, who, "GET", `/api/v1/me/stats${query}`);
  if (response.statusCode !== 200) throw new Error(`stats: ${response.statusCode} ${response.body}`);
  return creatorStatsSchema.parse(response.json());
}

async function trackStatsOf(who: Member, trackId: string, query = ""): Promise<TrackStats> {
  const response = await request(t.app, who, "GET", `/api/v1/me/stats/tracks/${trackId}${query}`);
  if (response.statusCode !== 200) throw new Error(`track stats: ${response.statusCode} ${response.body}`);
  return trackStatsSchema.parse(response.json());
}

/** Earlier days, as counting would have left them: a day's aggregate and its listeners' last days. */
async function bookEarlierDay(trackId: string, dayOffset: number, plays: number, listenerKeys: string[]) {
  const db = t.db.database.primary;
  const day = daysAgo(dayOffset);
  await db
    .insertInto("track_play_days")
    .values({ track_id: trackId, day, plays, listeners: listenerKeys.length })
    .execute();
  for (const key of listenerKeys) {
    await db
      .insertInto("track_listeners")
      .values({ track_id: trackId, listener_key: key, last_counted_at: sql<Date>`${day}::date`, last_played_on: day })
      .execute();
  }
}

beforeAll(async () => {
  creator = await buildMember(t.app, t.db.database, "creator");
  otherCreator = await buildMember(t.app, t.db.database, "artist");
  fan = await buildMember(t.app, t.db.database);
  const { rows } = await sql<{ today: string }>`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`.execute(
    t.db.database.primary,
  );
  today = rows[0]?.today ?? "";

  trackA = await buildListeningTrack(t.db.database, creator.id, { title: "Anthem" });
  trackB = await buildListeningTrack(t.db.database, creator.id, { title: "B-side", visibility: "private" });
  theirTrack = await buildListeningTrack(t.db.database, otherCreator.id, { title: "Not yours" });

  // Today, for real: A by the fan and two anonymous listeners, B by the fan (a private
  // track its owner let nobody else hear, so the fan plays A only) — B by its owner.
  const browsers = [anonymous("203.0.113.10", "One"), anonymous("203.0.113.11", "Two")];
  for (const who of [fan, ...browsers]) await listen(t.app, t.db.database, who, trackA);
  await listen(t.app, t.db.database, creator, trackB);
  await listen(t.app, t.db.database, fan, theirTrack);

  // Earlier days, booked as counting leaves them.
  await bookEarlierDay(trackA, 3, 5, ["earlier-1"]);
  await bookEarlierDay(trackA, 20, 7, ["earlier-2", "earlier-3"]);
  await bookEarlierDay(trackB, 100, 2, ["earlier-4"]);
  await bookEarlierDay(trackA, 400, 50, ["long-ago"]);
});

describe("my stats", () => {
  it("gives the last 7 days, day by day with zeros, from today's counted plays and the aggregates", async () => {
    const stats = await statsOf(creator, "?days=7");
    expect(stats).toMatchObject({ days: 7, from: daysAgo(6), to: today });
    expect(stats.daily.map((row) => row.day)).toEqual(daysOf({ from: daysAgo(6), to: today }));
    expect(stats.daily.map((row) => row.plays)).toEqual([0, 0, 0, 5, 0, 0, 4]);
    // The fan, two browsers, the creator themself and the listener booked 3 days ago.
    expect(stats.totals).toEqual({ plays: 9, listeners: 5 });
    expect(stats.topTracks.map((row) => [row.track.title, row.plays, row.listeners])).toEqual([
      ["Anthem", 8, 4],
      ["B-side", 1, 1],
    ]);
  });

  it("widens to 30 and 365 days, leaving out what is older and other creators' tracks", async () => {
    const month = await statsOf(creator, "?days=30");
    expect(month.daily).toHaveLength(30);
    expect(month.totals).toEqual({ plays: 16, listeners: 7 });

    const year = await statsOf(creator, "?days=365");
    expect(year).toMatchObject({ days: 365, from: daysAgo(364), to: today });
    expect(year.daily).toHaveLength(365);
    expect(year.daily.find((row) => row.day === daysAgo(100))?.plays).toBe(2);
    expect(year.totals).toEqual({ plays: 18, listeners: 8 });
    expect(year.topTracks.map((row) => [row.track.id, row.plays, row.listeners])).toEqual([
      [trackA, 15, 6],
      [trackB, 3, 2],
    ]);
    expect(JSON.stringify(year)).not.toContain("Not yours");
  });

  it("defaults to 30 days and refuses any other period", async () => {
    expect((await statsOf(creator)).days).toBe(30);
    for (const days of ["14", "0", "week"]) {
      const response = await request(t.app, creator, "GET", `/api/v1/me/stats?days=${days}`);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });

  it("is empty, not missing, for a creator nobody has heard yet", async () => {
    const newcomer = await buildMember(t.app, t.db.database, "creator");
    await buildListeningTrack(t.db.database, newcomer.id);
    const stats = await statsOf(newcomer, "?days=7");
    expect(stats.totals).toEqual({ plays: 0, listeners: 0 });
    expect(stats.daily.every((row) => row.plays === 0)).toBe(true);
    expect(stats.topTracks).toEqual([]);
  });

  it("is for the creator tier only", async () => {
    const listenerResponse = await request(t.app, fan, "GET", "/api/v1/me/stats");
    expect(listenerResponse.statusCode).toBe(403);
    expect(errorCode(listenerResponse)).toBe("CREATOR_ROLE_REQUIRED");
    expect((await request(t.app, anonymous(), "GET", "/api/v1/me/stats")).statusCode).toBe(401);
  });
});

describe("one track's stats", () => {
  it("gives plays and listeners per day of my track", async () => {
    const stats = await trackStatsOf(creator, trackA, "?days=30");
    expect(stats.track).toMatchObject({ id: trackA, title: "Anthem", playCount: 3 });
    expect(stats.totals).toEqual({ plays: 15, listeners: 6 });
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.filter((row) => row.plays > 0)).toEqual([
      { day: daysAgo(20), plays: 7, listeners: 2 },
      { day: daysAgo(3), plays: 5, listeners: 1 },
      { day: today, plays: 3, listeners: 3 },
    ]);
  });

  it("counts a listener once a day however often they play", async () => {
    const trackId = await buildListeningTrack(t.db.database, creator.id);
    await listen(t.app, t.db.database, fan, trackId);
    await t.db.database.primary
      .updateTable("track_listeners")
      .set({ last_counted_at: sql<Date>`now() - interval '11 minutes'` })
      .where("track_id", "=", trackId)
      .execute();
    await listen(t.app, t.db.database, fan, trackId);
    const stats = await trackStatsOf(creator, trackId, "?days=7");
    expect(stats.daily.at(-1)).toEqual({ day: today, plays: 2, listeners: 1 });
    expect(stats.totals).toEqual({ plays: 2, listeners: 1 });
  });

  it("answers 404 for another creator's track, as for one that does not exist", async () => {
    for (const trackId of [theirTrack, "00000000-0000-4000-8000-000000000000"]) {
      const response = await request(t.app, creator, "GET", `/api/v1/me/stats/tracks/${trackId}`);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe("NOT_FOUND");
    }
    expect((await trackStatsOf(otherCreator, theirTrack, "?days=7")).totals).toEqual({ plays: 1, listeners: 1 });
  });
});

describe("days of a period", () => {
  it("lists every UTC day, across month and leap-day boundaries", () => {
    expect(daysOf({ from: "2024-02-27", to: "2024-03-02" })).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
    expect(daysOf({ from: "2024-01-01", to: "2024-12-31" })).toHaveLength(366);
  });
});
