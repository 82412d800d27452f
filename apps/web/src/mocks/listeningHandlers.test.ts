import {
  creatorStatsSchema,
  historyPageSchema,
  playProgressSchema,
  playStartedSchema,
  trackStatsSchema,
} from "@stave/contracts";
import { describe, expect, it } from "vitest";
import { call, expectError } from "../test/callMockApi.ts";
import {
  buildCreator,
  buildHistoryEntry,
  buildPlayDays,
  buildProcessingTrack,
  buildTrack,
  buildVerifiedUser,
  createMockApi,
  dayBefore,
  MOCK_TODAY,
  ownerOf,
} from "./handlers.ts";
import { server } from "./server.ts";

// The listening domain of the mocked API: replies parse with the contract's schemas and
// follow the server's rules, so stories and tests behave like the real thing.

const CSRF = "mock-csrf-token";

function setUp(options: { me?: ReturnType<typeof buildVerifiedUser> } = {}) {
  const creator = buildCreator({ username: "nova" });
  const mine = ownerOf(creator);
  const tracks = [
    buildTrack({ title: "Public", owner: mine, durationMs: 20_000 }),
    buildTrack({ title: "Private", owner: mine, visibility: "private" }),
    buildProcessingTrack({ title: "Processing", owner: mine }),
  ];
  const [publicTrack] = tracks;
  const api = createMockApi({
    me: options.me ?? creator,
    users: [creator],
    tracks,
    playDays: buildPlayDays(publicTrack?.id ?? "", { days: 400, peak: 10 }),
  });
  server.use(...api.handlers);
  return { api, creator, tracks };
}

async function start(trackId: string, csrf?: string) {
  return call("POST", `/api/v1/tracks/${trackId}/plays`, { csrf });
}

describe("mock listening API", () => {
  it("starts a play, counts it at its threshold and records it in the history", async () => {
    const { api, tracks } = setUp();
    const track = tracks[0];
    const started = await start(track?.id ?? "", CSRF);
    expect(started.status).toBe(201);
    const play = playStartedSchema.parse(started.json);
    expect(play.countsAfterMs).toBe(19_000);

    const before = track?.playCount ?? 0;
    const progress = await call("POST", `/api/v1/plays/${play.playId}/progress`, {
      body: { listenedMs: 19_500 },
      csrf: CSRF,
    });
    expect(playProgressSchema.parse(progress.json)).toMatchObject({ listenedMs: 19_500, counted: true });
    expect(api.tracks.state.find(track?.id ?? "")?.playCount).toBe(before + 1);

    const history = historyPageSchema.parse((await call("GET", "/api/v1/me/history")).json);
    expect(history.items).toEqual([expect.objectContaining({ listenedMs: 19_500, track: expect.anything() })]);
  });

  it("refuses what the server refuses", async () => {
    const { tracks } = setUp({ me: buildVerifiedUser({ username: "lin" }) });
    const [publicTrack, privateTrack, processing] = tracks;
    expectError(await start(privateTrack?.id ?? "", CSRF), 404, "NOT_FOUND");
    expectError(await start(processing?.id ?? "", CSRF), 404, "NOT_FOUND");
    expectError(await start(publicTrack?.id ?? ""), 403, "CSRF_INVALID");

    const play = playStartedSchema.parse((await start(publicTrack?.id ?? "", CSRF)).json);
    const report = (body: unknown) => call("POST", `/api/v1/plays/${play.playId}/progress`, { body, csrf: CSRF });
    expectError(await report({ listenedMs: -5 }), 400, "VALIDATION_FAILED");
    expectError(
      await call("POST", "/api/v1/plays/00000000-0000-4000-8000-000000000000/progress", {
        body: { listenedMs: 1 },
        csrf: CSRF,
      }),
      404,
      "NOT_FOUND",
    );
    expectError(await call("GET", "/api/v1/me/stats"), 403, "CREATOR_ROLE_REQUIRED");
  });

  it("removes one history entry of mine, or all of them", async () => {
    const me = buildVerifiedUser({ username: "lin" });
    const track = buildTrack();
    const api = createMockApi({
      me,
      tracks: [track],
      history: [
        buildHistoryEntry({ userId: me.id, trackId: track.id }),
        buildHistoryEntry({ userId: me.id, trackId: track.id }),
        buildHistoryEntry({ userId: "00000000-0000-4000-8000-0000000000ff", trackId: track.id }),
      ],
    });
    server.use(...api.handlers);
    const [first] = historyPageSchema.parse((await call("GET", "/api/v1/me/history")).json).items;

    expect((await call("DELETE", `/api/v1/me/history/${first?.id}`, { csrf: CSRF })).status).toBe(204);
    expectError(await call("DELETE", `/api/v1/me/history/${first?.id}`, { csrf: CSRF }), 404, "NOT_FOUND");
    expect(historyPageSchema.parse((await call("GET", "/api/v1/me/history")).json).items).toHaveLength(1);

    expect((await call("DELETE", "/api/v1/me/history", { csrf: CSRF })).status).toBe(204);
    expect(historyPageSchema.parse((await call("GET", "/api/v1/me/history")).json).items).toEqual([]);
    expect(api.listening.state.history).toHaveLength(1);
  });

  it("serves a creator's stats for 7, 30 or 365 days ending on the mock's today", async () => {
    const { tracks } = setUp();
    for (const days of [7, 30, 365] as const) {
      const stats = creatorStatsSchema.parse((await call("GET", `/api/v1/me/stats?days=${days}`)).json);
      expect(stats).toMatchObject({ days, from: dayBefore(MOCK_TODAY, days - 1), to: MOCK_TODAY });
      expect(stats.daily).toHaveLength(days);
      expect(stats.totals.plays).toBe(stats.daily.reduce((sum, day) => sum + day.plays, 0));
      expect(stats.topTracks.map((row) => row.track.title)).toEqual(["Public"]);
    }
    expectError(await call("GET", "/api/v1/me/stats?days=14"), 400, "VALIDATION_FAILED");

    const one = trackStatsSchema.parse((await call("GET", `/api/v1/me/stats/tracks/${tracks[0]?.id}?days=7`)).json);
    expect(one.daily).toHaveLength(7);
    const theirs = buildTrack();
    expectError(await call("GET", `/api/v1/me/stats/tracks/${theirs.id}`), 404, "NOT_FOUND");
  });
});
