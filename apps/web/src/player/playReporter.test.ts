import { describe, expect, it, vi } from "vitest";
import { PlayReporter } from "./playReporter.ts";

function fakeApi(startResult: Promise<{ playId: string }> = Promise.resolve({ playId: "play-1" })) {
  return {
    startPlay: vi.fn(() => startResult),
    reportProgress: vi.fn(async () => undefined),
  };
}

/** Lets the reporter's promise chains run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The element's clock ticking from `from` to `to` seconds, a quarter second at a time. */
function tick(reporter: PlayReporter, from: number, to: number) {
  for (let time = from; time <= to + 1e-9; time += 0.25) reporter.timeUpdate(time, true);
}

describe("PlayReporter", () => {
  it("starts one play when a track starts sounding, and reports the time heard", async () => {
    const api = fakeApi();
    const started = vi.fn();
    const reporter = new PlayReporter(api, started);

    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 12);
    reporter.flush();
    await settle();

    expect(api.startPlay).toHaveBeenCalledWith("track-a");
    expect(started).toHaveBeenCalledTimes(1);
    expect(api.reportProgress).toHaveBeenCalledWith("play-1", 12_000);
  });

  it("counts no seek, backwards or forwards, and nothing while paused", async () => {
    const api = fakeApi();
    const reporter = new PlayReporter(api);
    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 5);
    reporter.timeUpdate(90, true); // a seek forward
    tick(reporter, 90, 93);
    reporter.seeked(10); // a seek back, announced
    tick(reporter, 10, 11);
    reporter.paused();
    reporter.timeUpdate(11.25, false);
    await settle();

    expect(api.reportProgress).toHaveBeenLastCalledWith("play-1", 9_000);
  });

  it("reports only when the time heard grew, and resumes the same play after a pause", async () => {
    const api = fakeApi();
    const reporter = new PlayReporter(api);
    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 4);
    reporter.paused();
    reporter.flush();
    reporter.playing("track-a", 1, 4);
    tick(reporter, 4, 6);
    reporter.flush();
    await settle();

    expect(api.startPlay).toHaveBeenCalledTimes(1);
    expect(api.reportProgress.mock.calls).toEqual([
      ["play-1", 4_000],
      ["play-1", 6_000],
    ]);
  });

  it("starts a new play for every load of a track, and after its end", async () => {
    const api = fakeApi();
    api.startPlay
      .mockResolvedValueOnce({ playId: "play-1" })
      .mockResolvedValueOnce({ playId: "play-2" })
      .mockResolvedValueOnce({ playId: "play-3" });
    const reporter = new PlayReporter(api);
    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 3);
    reporter.end();
    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 1);
    // Loaded again (Previous, or a retry): the play so far ends, the next one starts on playing.
    reporter.loaded(2);
    reporter.loaded(2);
    reporter.playing("track-a", 2, 0);
    tick(reporter, 0, 2);
    reporter.loaded(2);
    reporter.end();
    await settle();

    expect(api.startPlay).toHaveBeenCalledTimes(3);
    expect(api.reportProgress.mock.calls).toEqual([
      ["play-1", 3_000],
      ["play-2", 1_000],
      ["play-3", 2_000],
    ]);
  });

  it("drops the reports of a play the server refused, and never throws", async () => {
    const api = fakeApi(Promise.reject(new Error("429")));
    api.reportProgress.mockRejectedValue(new Error("offline"));
    const reporter = new PlayReporter(api);
    reporter.playing("track-a", 1, 0);
    tick(reporter, 0, 40);
    reporter.end();
    await settle();
    expect(api.reportProgress).not.toHaveBeenCalled();

    const failing = fakeApi();
    failing.reportProgress.mockRejectedValue(new Error("offline"));
    const other = new PlayReporter(failing);
    other.playing("track-b", 1, 0);
    tick(other, 0, 2);
    other.end();
    await settle();
    expect(failing.reportProgress).toHaveBeenCalledTimes(1);
  });
});
