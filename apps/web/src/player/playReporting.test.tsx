import type { PlayProgressRequest } from "@stave/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppRoutes } from "../app/AppRoutes.tsx";
import { playerApi } from "../app/playerApi.ts";
import { LatestTracks } from "../features/tracks/index.ts";
import { buildLatestTracks, buildVerifiedUser, createMockApi, defaultTracks } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";
import { advanceAudioTo, createFakeAttachStream, playerAudio, stubMediaPlayback } from "../test/media.ts";
import { renderWithProviders } from "../test/renderWithProviders.tsx";
import { recordApiRequests } from "../test/requests.ts";
import { PlayerBar } from "./PlayerBar.tsx";
import { PlayerProvider } from "./PlayerProvider.tsx";

vi.mock("./hlsSource.ts", () => import("../test/fakeHlsSource.ts"));

const PLAYS = /^\/api\/v1\/tracks\/[^/]+\/plays$/;
const PROGRESS = /^\/api\/v1\/plays\/[^/]+\/progress$/;

let media: ReturnType<typeof stubMediaPlayback>;
beforeEach(() => {
  media = stubMediaPlayback();
});
afterEach(() => vi.restoreAllMocks());

const inPlayer = () => within(screen.getByRole("contentinfo", { name: "Player" }));

/** The audio clock moving second by second, as a browser's time updates do. */
function listenThrough(from: number, to: number) {
  for (let second = from; second <= to; second++) advanceAudioTo(playerAudio(), second);
}

// A recorded body can be read once: keep what each progress report said.
const bodies = new WeakMap<object, Promise<number>>();

/** What every progress report so far said was heard, oldest first. */
async function reportedMs(requests: ReturnType<typeof recordApiRequests>) {
  return Promise.all(
    requests.to(PROGRESS, "POST").map((request) => {
      let body = bodies.get(request);
      if (!body) {
        body = request.json().then((json) => (json as PlayProgressRequest).listenedMs);
        bodies.set(request, body);
      }
      return body;
    }),
  );
}

async function renderPlayer(progressReportMs?: number) {
  const requests = recordApiRequests();
  const user = userEvent.setup();
  renderWithProviders(
    <PlayerProvider api={playerApi} attachStream={createFakeAttachStream().attach} progressReportMs={progressReportMs}>
      <LatestTracks />
      <PlayerBar />
    </PlayerProvider>,
  );
  await screen.findByRole("list", { name: "Latest tracks" });
  return { user, requests };
}

const nightDrive = () => defaultTracks.state.tracks.find((track) => track.title === "Night Drive");

describe("play reporting", () => {
  it("reports a play when listening starts and the time heard on pause: 31 s counts", async () => {
    const { user, requests } = await renderPlayer();
    const before = nightDrive()?.playCount ?? 0;

    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(requests.to(PLAYS, "POST")).toHaveLength(1));
    expect(requests.to(PLAYS, "POST")[0]?.pathname).toBe(`/api/v1/tracks/${nightDrive()?.id}/plays`);

    listenThrough(1, 31);
    await user.click(inPlayer().getByRole("button", { name: "Pause" }));

    await waitFor(async () => expect(await reportedMs(requests)).toEqual([31_000]));
    expect(nightDrive()?.playCount).toBe(before + 1);
  });

  it("counts the time heard, not the position: a seek adds nothing", async () => {
    const { user, requests } = await renderPlayer();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(media.play).toHaveBeenCalled());

    listenThrough(1, 5);
    listenThrough(120, 123);
    await user.click(inPlayer().getByRole("button", { name: "Pause" }));

    await waitFor(async () => expect(await reportedMs(requests)).toEqual([8_000]));
  });

  it("reports progress at intervals while playing", async () => {
    const { user, requests } = await renderPlayer(50);
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(requests.to(PLAYS, "POST")).toHaveLength(1));

    listenThrough(1, 3);
    await waitFor(async () => expect(await reportedMs(requests)).toEqual([3_000]));
    listenThrough(4, 6);
    await waitFor(async () => expect(await reportedMs(requests)).toEqual([3_000, 6_000]));
    expect(media.pause).not.toHaveBeenCalled();
  });

  it("ends the play when the track ends, and starts a new one for the next", async () => {
    const { user, requests } = await renderPlayer();
    await user.click(screen.getByRole("button", { name: "Play Low Tide" }));
    await waitFor(() => expect(requests.to(PLAYS, "POST")).toHaveLength(1));
    listenThrough(1, 4);

    playerAudio().dispatchEvent(new Event("ended"));

    await waitFor(() => expect(requests.to(PLAYS, "POST")).toHaveLength(2));
    const [first, second] = requests.to(PLAYS, "POST");
    expect(first?.pathname).not.toBe(second?.pathname);
    expect(await reportedMs(requests)).toEqual([4_000]);
  });

  it("reports a signed-in listener's play with the CSRF token, and it lands in their history", async () => {
    const me = buildVerifiedUser({ username: "lin" });
    const api = createMockApi({ me, tracks: buildLatestTracks() });
    server.use(...api.handlers);
    const requests = recordApiRequests();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />);
    await within(screen.getByRole("banner")).findByText("lin");

    await user.click(await screen.findByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(requests.to(PLAYS, "POST")).toHaveLength(1));
    listenThrough(1, 35);
    await user.click(inPlayer().getByRole("button", { name: "Pause" }));

    await waitFor(async () => expect(await reportedMs(requests)).toEqual([35_000]));
    expect(requests.to(PLAYS, "POST")[0]?.headers.get("X-CSRF-Token")).toBe("mock-csrf-token");
    expect(api.listening.state.history).toEqual([expect.objectContaining({ userId: me.id, listenedMs: 35_000 })]);
  });
});
