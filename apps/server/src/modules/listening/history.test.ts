import { type HistoryPage, historyPageSchema } from "@stave/contracts";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { silentLogger } from "../../../test/database.ts";
import { anonymous, listeningKit, type Member, progressOf } from "../../../test/listening.ts";
import { KEEP_PLAYS_DAYS, listeningJobs } from "./listening.jobs.ts";

const t = useTestApp();
const kit = listeningKit(t);
let creator: Member;

beforeAll(async () => {
  creator = await kit.member("creator");
});

function pageOf(response: LightMyRequestResponse): HistoryPage {
  if (response.statusCode !== 200) throw new Error(`expected a page: ${response.statusCode} ${response.body}`);
  return historyPageSchema.parse(response.json());
}

const historyOf = async (who: Member, query = "") =>
  pageOf(await kit.request(who, "GET", `/api/v1/me/history${query}`));

/** Every page of `who`'s history, `limit` at a time. */
async function wholeHistory(who: Member, limit: number) {
  const pages: HistoryPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await historyOf(who, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("my history", () => {
  it("lists each play newest first, with its track and how long I listened", async () => {
    const me = await kit.member();
    const first = await kit.track(creator.id, { title: "First light" });
    const second = await kit.track(creator.id, { title: "Second wind" });

    await kit.listen(me, first, 42_000);
    const play = await kit.startOldPlay(me, second);
    await progressOf(await kit.reportProgress(me, play.playId, 12_500));

    const page = await historyOf(me);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((entry) => [entry.track?.title, entry.listenedMs])).toEqual([
      ["Second wind", 12_500],
      ["First light", 42_000],
    ]);
    expect(page.items[1]?.track).toMatchObject({ id: first, playCount: 1, owner: { username: creator.username } });
    expect(Date.parse(page.items[0]?.playedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);

    // Progress keeps growing the entry.
    await kit.reportProgress(me, play.playId, 61_000);
    expect((await historyOf(me)).items[0]?.listenedMs).toBe(61_000);
  });

  it("is mine alone, for signed-in listeners only", async () => {
    const me = await kit.member();
    const someoneElse = await kit.member();
    await kit.listen(me, await kit.track(creator.id));

    expect((await historyOf(someoneElse)).items).toEqual([]);
    const response = await kit.request(anonymous(), "GET", "/api/v1/me/history");
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });

  it("pages through a long history without gaps or repeats, even for plays started in the same instant", async () => {
    const me = await kit.member();
    const trackId = await kit.track(creator.id);
    for (let i = 0; i < 7; i++) await kit.startPlay(me, trackId);
    // Three plays share one timestamp, down to the microsecond: the id breaks the tie.
    await t.db.database.primary
      .updateTable("playback_history")
      .set({ played_at: sql<Date>`'2024-05-01T12:00:00.123456Z'::timestamptz` })
      .where("id", "in", (eb) =>
        eb.selectFrom("playback_history").select("id").where("user_id", "=", me.id).orderBy("id").limit(3),
      )
      .execute();

    const pages = await wholeHistory(me, 2);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 1]);
    const ids = pages.flatMap((page) => page.items.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(7);
    const all = (await historyOf(me, "?limit=100")).items.map((entry) => entry.id);
    expect(ids).toEqual(all);
    const times = all.map((id) => pages.flatMap((page) => page.items).find((entry) => entry.id === id)?.playedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("refuses a malformed cursor with 400", async () => {
    const me = await kit.member();
    for (const cursor of ["nope", Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url")]) {
      const response = await kit.request(me, "GET", `/api/v1/me/history?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });

  it("shows a track made private as unavailable, and drops a deleted one", async () => {
    const me = await kit.member();
    const hidden = await kit.track(creator.id, { title: "Soon private" });
    const deleted = await kit.track(creator.id, { title: "Soon gone" });
    await kit.listen(me, hidden);
    await kit.listen(me, deleted);
    await kit.listen(creator, hidden);

    await t.db.database.primary.updateTable("tracks").set({ visibility: "private" }).where("id", "=", hidden).execute();
    const removed = await kit.request(creator, "DELETE", `/api/v1/tracks/${deleted}`);
    expect(removed.statusCode).toBe(204);

    const page = await historyOf(me);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ track: null, listenedMs: 30_000 });
    expect(JSON.stringify(page)).not.toContain("Soon private");
    // Its owner still sees it in theirs.
    expect((await historyOf(creator)).items.find((entry) => entry.track?.id === hidden)?.track?.title).toBe(
      "Soon private",
    );
  });
});

describe("removing history", () => {
  it("removes one entry of mine, leaving the rest and the play count alone", async () => {
    const me = await kit.member();
    const trackId = await kit.track(creator.id);
    const other = await kit.track(creator.id);
    await kit.listen(me, trackId);
    await kit.listen(me, other);
    const [latest, earlier] = (await historyOf(me)).items;

    const response = await kit.request(me, "DELETE", `/api/v1/me/history/${earlier?.id}`);
    expect(response.statusCode).toBe(204);
    expect((await historyOf(me)).items.map((entry) => entry.id)).toEqual([latest?.id]);
    expect(await kit.playCountOf(trackId)).toBe(1);

    const again = await kit.request(me, "DELETE", `/api/v1/me/history/${earlier?.id}`);
    expect(again.statusCode).toBe(404);
  });

  it("does not let me remove someone else's entry (404)", async () => {
    const me = await kit.member();
    const someoneElse = await kit.member();
    await kit.listen(someoneElse, await kit.track(creator.id));
    const [theirs] = (await historyOf(someoneElse)).items;

    const response = await kit.request(me, "DELETE", `/api/v1/me/history/${theirs?.id}`);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("NOT_FOUND");
    expect((await historyOf(someoneElse)).items).toHaveLength(1);
    expect((await kit.request(me, "DELETE", "/api/v1/me/history/not-a-uuid")).statusCode).toBe(400);
  });

  it("clears all of mine; a play still going on keeps counting but does not come back", async () => {
    const me = await kit.member();
    const someoneElse = await kit.member();
    const trackId = await kit.track(creator.id);
    await kit.listen(me, await kit.track(creator.id));
    await kit.listen(someoneElse, trackId);
    const ongoing = await kit.startOldPlay(me, trackId);
    await kit.reportProgress(me, ongoing.playId, 5_000);

    const cleared = await kit.request(me, "DELETE", "/api/v1/me/history");
    expect(cleared.statusCode).toBe(204);
    expect((await historyOf(me)).items).toEqual([]);
    expect((await historyOf(someoneElse)).items).toHaveLength(1);

    expect((await progressOf(await kit.reportProgress(me, ongoing.playId, 35_000))).counted).toBe(true);
    expect(await kit.playCountOf(trackId)).toBe(2);
    expect((await historyOf(me)).items).toEqual([]);
  });

  it("needs the CSRF token from a cookie session", async () => {
    const me = await kit.member();
    const response = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/me/history",
      headers: { cookie: me.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("CSRF_INVALID");
  });
});

describe("pruning finished plays", () => {
  it("removes plays idle for two days and keeps the history entries they fed", async () => {
    const me = await kit.member();
    const trackId = await kit.track(creator.id);
    const old = await kit.listen(me, trackId, 40_000);
    const recent = await kit.startOldPlay(me, trackId);
    const db = t.db.database.primary;
    await db
      .updateTable("play_sessions")
      .set({ updated_at: sql<Date>`now() - make_interval(days => ${KEEP_PLAYS_DAYS}, mins => 1)` })
      .where("id", "=", old.playId)
      .execute();

    const job = listeningJobs({ database: t.db.database })["listening.prune_plays"];
    await job.handle({}, { jobId: "test", attempt: 1, logger: silentLogger, signal: new AbortController().signal });

    const left = await db.selectFrom("play_sessions").select("id").where("track_id", "=", trackId).execute();
    expect(left.map((play) => play.id)).toEqual([recent.playId]);
    expect((await historyOf(me)).items.map((entry) => entry.listenedMs)).toEqual([0, 40_000]);
    expect(await kit.playCountOf(trackId)).toBe(1);
    // A report on the pruned play finds nothing.
    expect((await kit.reportProgress(me, old.playId, 50_000)).statusCode).toBe(404);
  });
});
