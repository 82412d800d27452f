import { countsAfterMs } from "@stave/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, useTestApp } from "../../../test/app.ts";
import { anonymous, type buildListeningTrack, listeningKit, type Member, progressOf } from "../../../test/listening.ts";
import { PLAY_START_LIMIT } from "./plays.service.ts";

const t = useTestApp();
const kit = listeningKit(t);
let creator: Member;
let listener: Member;

beforeAll(async () => {
  creator = await kit.member("creator");
  listener = await kit.member();
});

const newTrack = (options: Parameters<typeof buildListeningTrack>[2] = {}) => kit.track(creator.id, options);

describe("the threshold", () => {
  it("is 30 seconds, or the whole track (less a second of rounding) when shorter", () => {
    expect(countsAfterMs(180_000)).toBe(30_000);
    expect(countsAfterMs(31_000)).toBe(30_000);
    expect(countsAfterMs(20_000)).toBe(19_000);
    expect(countsAfterMs(500)).toBe(1);
    expect(countsAfterMs(null)).toBe(30_000);
  });
});

describe("counting a play", () => {
  it("counts after 30 seconds heard, once, however many reports follow", async () => {
    const trackId = await newTrack();
    const play = await kit.startOldPlay(listener, trackId);
    expect(play).toEqual({ playId: expect.any(String), trackId, countsAfterMs: 30_000 });

    for (const listenedMs of [10_000, 20_000, 29_999]) {
      expect(await progressOf(await kit.reportProgress(listener, play.playId, listenedMs))).toMatchObject({
        listenedMs,
        counted: false,
      });
    }
    expect(await kit.playCountOf(trackId)).toBe(0);

    const counted = await progressOf(await kit.reportProgress(listener, play.playId, 30_000));
    expect(counted).toEqual({ playId: play.playId, trackId, listenedMs: 30_000, counted: true });
    expect(await kit.playCountOf(trackId)).toBe(1);

    await kit.reportProgress(listener, play.playId, 95_000);
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 120_000))).toMatchObject({
      counted: true,
    });
    expect(await kit.playCountOf(trackId)).toBe(1);
    const track = await kit.request(listener, "GET", `/api/v1/tracks/${trackId}`);
    expect(track.json().track.playCount).toBe(1);
  });

  it("keeps the largest report when they arrive out of order", async () => {
    const trackId = await newTrack();
    const play = await kit.startOldPlay(listener, trackId);
    await kit.reportProgress(listener, play.playId, 25_000);
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 10_000))).toMatchObject({
      listenedMs: 25_000,
      counted: false,
    });
  });

  it("counts a track shorter than 30 seconds once it is heard to the end", async () => {
    const trackId = await newTrack({ durationMs: 12_000 });
    const play = await kit.startOldPlay(listener, trackId);
    expect(play.countsAfterMs).toBe(11_000);

    expect(await progressOf(await kit.reportProgress(listener, play.playId, 8_000))).toMatchObject({
      counted: false,
    });
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 12_000))).toMatchObject({
      counted: true,
    });
    expect(await kit.playCountOf(trackId)).toBe(1);
  });

  it("counts a listener's plays of a track at most once in 10 minutes", async () => {
    const trackId = await newTrack();
    expect((await kit.listen(listener, trackId)).counted).toBe(true);
    // Heard again at once, and again 9 minutes later: still within the window.
    expect((await kit.listen(listener, trackId)).counted).toBe(false);
    await kit.ageCounts(trackId, 9);
    const repeat = await kit.listen(listener, trackId, 60_000);
    expect(repeat).toMatchObject({ counted: false, listenedMs: 60_000 });
    expect(await kit.playCountOf(trackId)).toBe(1);

    // The window runs from the last counted play: 11 minutes on, it counts again.
    await kit.ageCounts(trackId, 2);
    expect((await kit.listen(listener, trackId)).counted).toBe(true);
    expect(await kit.playCountOf(trackId)).toBe(2);

    // Another listener, or another track, is not held back by the window.
    expect((await kit.listen(creator, trackId)).counted).toBe(true);
    expect((await kit.listen(listener, await newTrack())).counted).toBe(true);
    expect(await kit.playCountOf(trackId)).toBe(3);
  });

  it("decides a repeat for good: more listening later in the same play does not count it", async () => {
    const trackId = await newTrack();
    await kit.listen(listener, trackId);
    const play = await kit.startOldPlay(listener, trackId);
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 40_000))).toMatchObject({
      counted: false,
    });
    await kit.ageCounts(trackId, 11);
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 100_000))).toMatchObject({
      counted: false,
    });
    expect(await kit.playCountOf(trackId)).toBe(1);
  });
});

describe("anonymous listeners", () => {
  it("may play public and unlisted tracks, told apart by address", async () => {
    const trackId = await newTrack();
    const unlisted = await newTrack({ visibility: "unlisted" });
    const browser = anonymous("203.0.113.50", "Firefox");

    expect((await kit.listen(browser, trackId)).counted).toBe(true);
    // The same address is the same listener within the window, whatever browser it names.
    expect((await kit.listen(anonymous("203.0.113.50", "Firefox"), trackId)).counted).toBe(false);
    expect((await kit.listen(anonymous("203.0.113.50", "Chrome"), trackId)).counted).toBe(false);
    // Another address is someone else.
    expect((await kit.listen(anonymous("203.0.113.51", "Firefox"), trackId)).counted).toBe(true);
    expect((await kit.listen(browser, unlisted)).counted).toBe(true);
    expect(await kit.playCountOf(trackId)).toBe(2);
  });

  it("counts one listener for an address that rotates its user agent", async () => {
    const trackId = await newTrack();
    const outcomes: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      const rotating = anonymous("203.0.113.60", `Mozilla/5.0 (Rotating ${i}) Gecko/${20_100_101 + i}`);
      outcomes.push((await kit.listen(rotating, trackId)).counted);
    }
    // Within the repeat window one listener counts once: the first play, none of the rest.
    expect(outcomes).toEqual([true, ...Array<boolean>(19).fill(false)]);
    expect(await kit.playCountOf(trackId)).toBe(1);
    const listeners = await t.db.database.primary
      .selectFrom("track_listeners")
      .select("listener_key")
      .where("track_id", "=", trackId)
      .execute();
    expect(listeners).toHaveLength(1);
  });

  it("takes an IPv6 client's /64 as one address, and an IPv4-mapped address as its IPv4", async () => {
    const trackId = await newTrack();
    expect((await kit.listen(anonymous("2001:db8:7:8::1"), trackId)).counted).toBe(true);
    expect((await kit.listen(anonymous("2001:db8:7:8:ffff::2"), trackId)).counted).toBe(false);
    expect((await kit.listen(anonymous("2001:db8:7:9::1"), trackId)).counted).toBe(true);
    expect((await kit.listen(anonymous("203.0.113.61"), trackId)).counted).toBe(true);
    expect((await kit.listen(anonymous("::ffff:203.0.113.61"), trackId)).counted).toBe(false);
    expect(await kit.playCountOf(trackId)).toBe(3);
  });

  it("stores no address or user agent, only keyed hashes, and keeps no history", async () => {
    const trackId = await newTrack();
    const browser = anonymous("203.0.113.77", "DistinctiveAgent/9.9");
    await kit.listen(browser, trackId);

    const db = t.db.database.primary;
    const stored = JSON.stringify([
      await db.selectFrom("play_sessions").selectAll().where("track_id", "=", trackId).execute(),
      await db.selectFrom("track_listeners").selectAll().where("track_id", "=", trackId).execute(),
      await db.selectFrom("rate_limits").selectAll().execute(),
    ]);
    expect(stored).not.toContain("203.0.113.77");
    expect(stored).not.toContain("DistinctiveAgent");
    expect(await db.selectFrom("playback_history").selectAll().where("track_id", "=", trackId).execute()).toEqual([]);
  });
});

describe("who may play what", () => {
  it("refuses a private track to everyone but its owner, as GET /tracks/:id does", async () => {
    const trackId = await newTrack({ visibility: "private" });
    for (const who of [listener, anonymous()]) {
      const response = await kit.request(who, "POST", `/api/v1/tracks/${trackId}/plays`);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe("NOT_FOUND");
    }
    expect((await kit.listen(creator, trackId)).counted).toBe(true);
    expect(await kit.playCountOf(trackId)).toBe(1);
  });

  it("answers 409 for the owner's track still processing, 404 for anyone else and for unknown tracks", async () => {
    const trackId = await newTrack({ status: "processing" });
    const own = await kit.request(creator, "POST", `/api/v1/tracks/${trackId}/plays`);
    expect(own.statusCode).toBe(409);
    expect(errorCode(own)).toBe("TRACK_NOT_READY");
    expect((await kit.request(listener, "POST", `/api/v1/tracks/${trackId}/plays`)).statusCode).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await kit.request(listener, "POST", `/api/v1/tracks/${unknown}/plays`)).statusCode).toBe(404);
    expect((await kit.request(listener, "POST", "/api/v1/tracks/not-a-uuid/plays")).statusCode).toBe(400);
  });

  it("needs the CSRF token from a cookie session", async () => {
    const trackId = await newTrack();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/tracks/${trackId}/plays`,
      headers: { cookie: listener.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("CSRF_INVALID");
  });
});

describe("nonsense reports", () => {
  it("refuses negative, fractional and missing amounts (400)", async () => {
    const play = await kit.startOldPlay(listener, await newTrack());
    for (const payload of [{ listenedMs: -1 }, { listenedMs: 1.5 }, { listenedMs: "30000" }, {}]) {
      const response = await kit.request(listener, "POST", `/api/v1/plays/${play.playId}/progress`, payload);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });

  it("refuses more than the track's length plus slack (422), and stores nothing of it", async () => {
    const trackId = await newTrack({ durationMs: 60_000 });
    const play = await kit.startOldPlay(listener, trackId);
    expect((await kit.reportProgress(listener, play.playId, 69_000)).statusCode).toBe(200);
    const response = await kit.reportProgress(listener, play.playId, 75_000);
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe("PLAY_PROGRESS_IMPLAUSIBLE");
    expect(response.json().error.message).toMatch(/longer than the track/);
    expect(await progressOf(await kit.reportProgress(listener, play.playId, 1_000))).toMatchObject({
      listenedMs: 69_000,
    });
  });

  it("refuses more listening than time has passed since the play started (422)", async () => {
    const trackId = await newTrack();
    const play = await kit.startPlay(listener, trackId);
    // A second after starting, nobody has heard 30 seconds.
    const response = await kit.reportProgress(listener, play.playId, 30_000);
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe("PLAY_PROGRESS_IMPLAUSIBLE");
    expect(await kit.playCountOf(trackId)).toBe(0);
    // The player's clock and the network get a few seconds of slack.
    expect((await kit.reportProgress(listener, play.playId, 5_000)).statusCode).toBe(200);
  });

  it("answers 404 for someone else's play and for an unknown one, 400 for a malformed id", async () => {
    const trackId = await newTrack();
    const mine = await kit.startOldPlay(listener, trackId);
    const browser = anonymous();
    const theirs = await kit.startOldPlay(browser, trackId);

    for (const [who, playId] of [
      [creator, mine.playId],
      [anonymous(), mine.playId],
      [listener, theirs.playId],
      [anonymous(undefined, "Another browser"), theirs.playId],
      [listener, "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const response = await kit.reportProgress(who, playId, 30_000);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe("NOT_FOUND");
    }
    expect((await kit.reportProgress(listener, "nope", 30_000)).statusCode).toBe(400);
    expect(await kit.playCountOf(trackId)).toBe(0);
    expect((await progressOf(await kit.reportProgress(browser, theirs.playId, 30_000))).counted).toBe(true);
  });
});

describe("rate limit", () => {
  it(`lets a listener start ${PLAY_START_LIMIT.limit} plays in ${PLAY_START_LIMIT.windowSeconds / 60} minutes, then answers 429 with Retry-After`, async () => {
    const trackId = await newTrack();
    const browser = anonymous("203.0.113.200", "Skipper");
    // The limit counts in fixed windows: start well inside one, so the run cannot straddle two.
    const windowMs = PLAY_START_LIMIT.windowSeconds * 1000;
    const leftMs = windowMs - (Date.now() % windowMs);
    if (leftMs < 30_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 100));
    for (let i = 0; i < PLAY_START_LIMIT.limit; i++) {
      expect((await kit.request(browser, "POST", `/api/v1/tracks/${trackId}/plays`)).statusCode).toBe(201);
    }
    const limited = await kit.request(browser, "POST", `/api/v1/tracks/${trackId}/plays`);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Someone else is not held back.
    expect((await kit.request(anonymous("203.0.113.201"), "POST", `/api/v1/tracks/${trackId}/plays`)).statusCode).toBe(
      201,
    );
  });
});
