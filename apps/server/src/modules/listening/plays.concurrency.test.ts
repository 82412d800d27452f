import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { createTestDatabase, silentLogger, type TestDatabase } from "../../../test/database.ts";
import {
  anonymous,
  buildListeningTrack,
  buildMember,
  type Caller,
  type Member,
  playCountOf,
  progressOf,
  reportProgress,
  startOldPlay,
} from "../../../test/listening.ts";
import { createDatabase, type Database } from "../../platform/db/database.ts";

/**
 * Many reports at the same moment, over a pool wide enough that they really run side by
 * side in PostgreSQL (the shared test pool has 5 connections).
 */
let testDb: TestDatabase;
let database: Database;
let app: FastifyInstance;
let creator: Member;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = createDatabase({ url: testDb.url, logger: silentLogger, poolSize: 24 });
  app = await buildTestApp(database);
  creator = await buildMember(app, database, "creator");
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await testDb?.drop();
});

const fire = (reports: { who: Caller; playId: string; listenedMs: number }[]) =>
  Promise.all(reports.map(({ who, playId, listenedMs }) => reportProgress(app, who, playId, listenedMs)));

async function daysOf(trackId: string) {
  return database.primary.selectFrom("track_play_days").selectAll().where("track_id", "=", trackId).execute();
}

describe("counting under concurrency", () => {
  it("counts every distinct listener exactly once when all their reports land together", async () => {
    const trackId = await buildListeningTrack(database, creator.id);
    const listeners = Array.from({ length: 40 }, (_, i) => anonymous(`203.0.113.${i + 1}`, "Concurrent"));
    const plays = await Promise.all(listeners.map((who) => startOldPlay(app, database, who, trackId)));

    // Each listener's play crosses the threshold in two reports fired at once, plus one below it.
    const responses = await fire(
      plays.flatMap((play, i) => {
        const who = listeners[i] as Caller;
        return [
          { who, playId: play.playId, listenedMs: 31_000 },
          { who, playId: play.playId, listenedMs: 45_000 },
          { who, playId: play.playId, listenedMs: 10_000 },
        ];
      }),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));

    expect(await playCountOf(database, trackId)).toBe(40);
    expect(await daysOf(trackId)).toEqual([expect.objectContaining({ plays: 40, listeners: 40 })]);
    const outcomes = await database.primary
      .selectFrom("play_sessions")
      .select(["outcome", "listened_ms"])
      .where("track_id", "=", trackId)
      .execute();
    expect(outcomes.every((play) => play.outcome === "counted" && play.listened_ms === 45_000)).toBe(true);
  });

  it("counts one listener's simultaneous plays of a track once, and each of their tracks once", async () => {
    const first = await buildListeningTrack(database, creator.id);
    const second = await buildListeningTrack(database, creator.id);
    const member = await buildMember(app, database);
    const browser = anonymous("203.0.113.99", "Same browser");

    const starts: { who: Caller; trackId: string }[] = [];
    for (const who of [member, browser]) {
      for (let i = 0; i < 12; i++) starts.push({ who, trackId: i % 2 === 0 ? first : second });
    }
    const plays = await Promise.all(starts.map(({ who, trackId }) => startOldPlay(app, database, who, trackId)));
    const responses = await fire(
      plays.map((play, i) => ({ who: (starts[i] as { who: Caller }).who, playId: play.playId, listenedMs: 30_000 })),
    );
    const results = await Promise.all(responses.map(progressOf));

    // Two listeners × two tracks: exactly four of the 24 plays counted.
    expect(results.filter((result) => result.counted)).toHaveLength(4);
    expect(await playCountOf(database, first)).toBe(2);
    expect(await playCountOf(database, second)).toBe(2);
    expect(await daysOf(first)).toEqual([expect.objectContaining({ plays: 2, listeners: 2 })]);
    const repeats = await database.primary
      .selectFrom("play_sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("track_id", "in", [first, second])
      .where("outcome", "=", "repeat")
      .executeTakeFirstOrThrow();
    expect(Number(repeats.n)).toBe(20);
  });

  it("stays exact while the track's listeners and counts change at the same time from every side", async () => {
    const trackId = await buildListeningTrack(database, creator.id);
    const regulars = Array.from({ length: 10 }, (_, i) => anonymous(`198.18.0.${i + 1}`, "Regular"));
    // Every regular already counted 11 minutes ago: each may count once more.
    for (const who of regulars) {
      const play = await startOldPlay(app, database, who, trackId);
      await progressOf(await reportProgress(app, who, play.playId, 30_000));
    }
    await database.primary
      .updateTable("track_listeners")
      .set({ last_counted_at: new Date(Date.now() - 11 * 60_000) })
      .where("track_id", "=", trackId)
      .execute();
    const newcomers = Array.from({ length: 10 }, (_, i) => anonymous(`198.18.1.${i + 1}`, "Newcomer"));
    const everyone = [...regulars, ...regulars, ...newcomers, ...newcomers, ...newcomers];
    const plays = await Promise.all(everyone.map((who) => startOldPlay(app, database, who, trackId)));

    await fire(plays.map((play, i) => ({ who: everyone[i] as Caller, playId: play.playId, listenedMs: 30_000 })));

    // 10 earlier + 10 regulars again + 10 newcomers, whatever the interleaving.
    expect(await playCountOf(database, trackId)).toBe(30);
    expect(await daysOf(trackId)).toEqual([expect.objectContaining({ plays: 30, listeners: 20 })]);
  });
});
