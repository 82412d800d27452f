import { composeStories } from "@storybook/react-vite";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../.storybook/annotations.tsx";
import { playerApi } from "../app/playerApi.ts";
import { LatestTracks } from "../features/tracks/index.ts";
import { errorResponse } from "../mocks/handlers.ts";
import { server } from "../mocks/server.ts";
import { advanceAudioTo, createFakeAttachStream, playerAudio, stubMediaPlayback } from "../test/media.ts";
import { renderWithProviders } from "../test/renderWithProviders.tsx";
import { recordApiRequests } from "../test/requests.ts";
import { applyStoryHandlers } from "../test/storyMocks.ts";
import * as stories from "./PlayerBar.stories.tsx";
import { PlayerBar } from "./PlayerBar.tsx";
import { PlayerProvider } from "./PlayerProvider.tsx";

const player = () => screen.getByRole("contentinfo", { name: "Player" });
const inPlayer = () => within(player());

let media: ReturnType<typeof stubMediaPlayback>;
beforeEach(() => {
  media = stubMediaPlayback();
});
afterEach(() => vi.restoreAllMocks());

function expectIdlePlayer() {
  expect(inPlayer().getByText("Nothing playing")).toBeInTheDocument();
  for (const name of ["Previous", "Play", "Next"]) {
    expect(inPlayer().getByRole("button", { name })).toBeDisabled();
  }
  expect(inPlayer().getByRole("slider", { name: "Seek" })).toBeDisabled();
}

/** The latest tracks (Night Drive −4.5 dB, Low Tide +3 dB, Paper Planes) and the player bar, as on the home page. */
async function renderWithLatestTracks() {
  const stream = createFakeAttachStream();
  const user = userEvent.setup();
  renderWithProviders(
    <PlayerProvider api={playerApi} attachStream={stream.attach}>
      <LatestTracks />
      <PlayerBar />
    </PlayerProvider>,
  );
  await screen.findByRole("list", { name: "Latest tracks" });
  return { user, stream };
}

describe("PlayerBar", () => {
  it("says nothing is playing and offers no controls yet", () => {
    renderWithProviders(
      <PlayerProvider api={playerApi} attachStream={createFakeAttachStream().attach}>
        <PlayerBar />
      </PlayerProvider>,
    );
    expectIdlePlayer();
  });

  it("plays a track: asks for its stream, loads that URL into the HLS player and starts the audio", async () => {
    const requests = recordApiRequests();
    const { user, stream } = await renderWithLatestTracks();

    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));

    expect(inPlayer().getByRole("link", { name: "Night Drive" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/tracks\//),
    );
    expect(inPlayer().getByRole("link", { name: "Mira Sol" })).toHaveAttribute("href", "/creators/mira");
    await waitFor(() => expect(stream.attach).toHaveBeenCalledTimes(1));
    const [audio, url] = stream.attach.mock.calls[0] ?? [];
    expect(audio).toBe(playerAudio());
    expect(url).toMatch(/^http:\/\/localhost:3000\/media\/.+\/master\.m3u8$/);
    expect(requests.to(/^\/api\/v1\/tracks\/[^/]+\/stream$/, "GET")).toHaveLength(1);
    await waitFor(() => expect(media.play).toHaveBeenCalled());
    expect(inPlayer().getByRole("button", { name: "Pause" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Pause Night Drive" })).toBeInTheDocument();
  });

  it("pauses and resumes with the same button", async () => {
    const { user } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(media.play).toHaveBeenCalledTimes(1));

    await user.click(inPlayer().getByRole("button", { name: "Pause" }));
    expect(media.pause).toHaveBeenCalledTimes(1);
    expect(inPlayer().getByRole("button", { name: "Play" })).toBeEnabled();

    await user.click(inPlayer().getByRole("button", { name: "Play" }));
    expect(media.play).toHaveBeenCalledTimes(2);
    expect(inPlayer().getByRole("button", { name: "Pause" })).toBeInTheDocument();
  });

  it("shows the time as the audio plays, and seeks with the Seek slider", async () => {
    const { user } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(media.play).toHaveBeenCalled());
    const time = screen.getByTestId("player-current-time");
    expect(time).toHaveTextContent("0:00");
    expect(screen.getByTestId("player-duration")).toHaveTextContent("3:34");

    advanceAudioTo(playerAudio(), 75.4);
    await waitFor(() => expect(time).toHaveTextContent("1:15"));
    expect(time).toHaveAttribute("data-seconds", "75.40");
    const seek = inPlayer().getByRole("slider", { name: "Seek" });
    expect(seek).toHaveValue("75");
    expect(seek).toHaveAttribute("aria-valuetext", "1:15 of 3:34");

    fireEvent.change(seek, { target: { value: "150" } });
    expect(playerAudio().currentTime).toBe(150);
    expect(time).toHaveTextContent("2:30");
  });

  it("moves through the queue with Next and Previous", async () => {
    const { user, stream } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    expect(inPlayer().getByRole("button", { name: "Previous" })).toBeEnabled();

    await user.click(inPlayer().getByRole("button", { name: "Next" }));
    expect(inPlayer().getByRole("link", { name: "Low Tide" })).toBeInTheDocument();
    await user.click(inPlayer().getByRole("button", { name: "Next" }));
    expect(inPlayer().getByRole("link", { name: "Paper Planes" })).toBeInTheDocument();
    expect(inPlayer().getByRole("link", { name: "theo" })).toHaveAttribute("href", "/creators/theo");
    expect(inPlayer().getByRole("button", { name: "Next" })).toBeDisabled();

    // Within the first seconds Previous goes back a track…
    await user.click(inPlayer().getByRole("button", { name: "Previous" }));
    expect(inPlayer().getByRole("link", { name: "Low Tide" })).toBeInTheDocument();
    await waitFor(() => expect(stream.attach).toHaveBeenCalledTimes(4));
    // Each load asks for a fresh signed URL (its expiry moves with the clock): compare the tracks.
    const trackIds = stream.attach.mock.calls.map((call) => /\/tracks\/([^/]+)\//.exec(String(call[1]))?.[1]);
    expect(new Set(trackIds).size).toBe(3);
    expect(trackIds[3]).toBe(trackIds[1]);

    // …later on it starts the current track again.
    advanceAudioTo(playerAudio(), 42);
    await user.click(inPlayer().getByRole("button", { name: "Previous" }));
    expect(inPlayer().getByRole("link", { name: "Low Tide" })).toBeInTheDocument();
    expect(playerAudio().currentTime).toBe(0);
  });

  it("goes on to the next track when one ends", async () => {
    const { user } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Low Tide" }));
    await waitFor(() => expect(media.play).toHaveBeenCalledTimes(1));

    playerAudio().dispatchEvent(new Event("ended"));

    expect(await inPlayer().findByRole("link", { name: "Paper Planes" })).toBeInTheDocument();
    await waitFor(() => expect(media.play).toHaveBeenCalledTimes(2));
  });

  it("sets the volume from the Volume slider", async () => {
    const { user } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Paper Planes" }));
    await user.click(inPlayer().getByRole("checkbox", { name: "Normalize loudness" }));

    const volume = inPlayer().getByRole("slider", { name: "Volume" });
    expect(volume).toHaveValue("100");
    fireEvent.change(volume, { target: { value: "90" } });
    expect(volume).toHaveValue("90");
    expect(volume).toHaveAttribute("aria-valuetext", "90%");
    expect(playerAudio().volume).toBeCloseTo(0.9);
  });

  it("applies the track's normalisation gain while the toggle is on, and none when off", async () => {
    const { user } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));
    const toggle = inPlayer().getByRole("checkbox", { name: "Normalize loudness" });
    const gain = screen.getByTestId("player-applied-gain");

    // On by default: −4.5 dB turns the full volume down to about 0.6.
    expect(toggle).toBeChecked();
    expect(gain).toHaveTextContent("−4.5 dB");
    expect(playerAudio().volume).toBeCloseTo(10 ** (-4.5 / 20), 3);

    await user.click(toggle);
    expect(gain).toHaveTextContent("No gain applied");
    expect(playerAudio().volume).toBe(1);

    // A quiet track (+3 dB) is raised as far as the volume leaves room.
    await user.click(toggle);
    await user.click(inPlayer().getByRole("button", { name: "Next" }));
    expect(gain).toHaveTextContent("+3.0 dB");
    expect(playerAudio().volume).toBe(1);
    const volume = inPlayer().getByRole("slider", { name: "Volume" });
    fireEvent.change(volume, { target: { value: "50" } });
    expect(playerAudio().volume).toBeCloseTo(0.5 * 10 ** (3 / 20), 3);
  });

  it("says why a track cannot play, and tries again on Play", async () => {
    server.use(
      http.get("/api/v1/tracks/:id/stream", () =>
        errorResponse("TRACK_NOT_READY", "The track is still being processed"),
      ),
    );
    const { user, stream } = await renderWithLatestTracks();
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));

    expect(await inPlayer().findByRole("alert")).toHaveTextContent("This track is still being processed.");
    expect(inPlayer().getByRole("button", { name: "Play" })).toBeEnabled();
    expect(stream.attach).not.toHaveBeenCalled();

    server.resetHandlers();
    await user.click(inPlayer().getByRole("button", { name: "Play" }));
    await waitFor(() => expect(stream.attach).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(inPlayer().queryByRole("alert")).not.toBeInTheDocument());
  });

  it("says so when the stream itself fails", async () => {
    const { user, stream } = await renderWithLatestTracks();
    stream.attach.mockRejectedValueOnce(new Error("The stream could not be loaded (manifestLoadError)."));
    await user.click(screen.getByRole("button", { name: "Play Night Drive" }));

    expect(await inPlayer().findByRole("alert")).toHaveTextContent("The stream could not be loaded");
    expect(media.play).not.toHaveBeenCalled();
  });
});

describe("PlayerBar stories", () => {
  const { NothingPlaying, Playing } = composeStories(stories, sharedAnnotations);

  it("NothingPlaying is idle", () => {
    render(<NothingPlaying />);
    expectIdlePlayer();
  });

  it("Playing queues three tracks and plays the first", async () => {
    applyStoryHandlers(Playing.parameters);
    render(<Playing />);

    expect(inPlayer().getByRole("link", { name: "Night Drive" })).toBeInTheDocument();
    await waitFor(() => expect(media.play).toHaveBeenCalled());
    expect(inPlayer().getByRole("button", { name: "Pause" })).toBeInTheDocument();
    expect(inPlayer().getByRole("button", { name: "Next" })).toBeEnabled();
  });
});
