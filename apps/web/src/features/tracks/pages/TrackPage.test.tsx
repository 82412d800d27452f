import { composeStories } from "@storybook/react-vite";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { buildWaveform } from "../../../mocks/handlers.ts";
import { attachHlsStream } from "../../../test/fakeHlsSource.ts";
import { trackEvents } from "../../../test/fakeTrackEvents.ts";
import { playerAudio, stubMediaPlayback } from "../../../test/media.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./TrackPage.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));
vi.mock("../services/trackEvents.ts", () => import("../../../test/fakeTrackEvents.ts"));

const { AsListener, AsOtherUser, AsOwner, OwnerProcessing, OwnerFailed, NotFound } = composeStories(
  stories,
  sharedAnnotations,
);
const { publishedTrack, processingTrack, ownerProcessingApi } = stories;

let media: ReturnType<typeof stubMediaPlayback>;
beforeEach(() => {
  media = stubMediaPlayback();
});
afterEach(() => {
  vi.restoreAllMocks();
  attachHlsStream.mockClear();
  trackEvents.reset();
});

async function renderStory(Story: typeof AsListener, heading = publishedTrack.title) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 1, name: heading });
  return userEvent.setup();
}

const player = () => within(screen.getByRole("contentinfo", { name: "Player" }));
const ownerButtons = () => [
  screen.queryByRole("button", { name: `Edit ${publishedTrack.title}` }),
  screen.queryByRole("button", { name: `Delete ${publishedTrack.title}` }),
];

describe("TrackPage", () => {
  it("shows the track: artwork, creator, duration, plays, description, tags and waveform", async () => {
    await renderStory(AsListener);

    expect(screen.getByRole("img", { name: `Artwork of ${publishedTrack.title}` })).toHaveAttribute(
      "src",
      publishedTrack.artworkUrl,
    );
    expect(screen.getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", "/creators/ada");
    expect(screen.getByText("4:12")).toBeInTheDocument();
    expect(screen.getByText("4,021 plays")).toBeInTheDocument();
    expect(screen.getByText(/A slow blues in twelve bars/)).toBeInTheDocument();
    expect(
      within(screen.getByRole("list", { name: "Tags" }))
        .getAllByRole("listitem")
        .map((tag) => tag.textContent),
    ).toEqual(["#blues", "#steampunk"]);
    const waveform = screen.getByRole("slider", { name: `Position in ${publishedTrack.title}` });
    expect(waveform).toHaveAttribute("aria-valuemax", "252");
    expect(waveform).toHaveAttribute("aria-valuenow", "0");
  });

  it("offers Edit and Delete to the owner only", async () => {
    await renderStory(AsListener);
    expect(ownerButtons()).toEqual([null, null]);
  });

  it("shows no Edit or Delete to another signed-in user", async () => {
    await renderStory(AsOtherUser);
    await waitFor(() => expect(screen.getByText("grace")).toBeInTheDocument());
    expect(ownerButtons()).toEqual([null, null]);
  });

  it("shows Edit and Delete to the owner, and saves an edit", async () => {
    const user = await renderStory(AsOwner);
    const [edit, remove] = ownerButtons();
    expect(edit).toBeInTheDocument();
    expect(remove).toBeInTheDocument();

    await user.click(edit as HTMLElement);
    const form = screen.getByRole("form", { name: `Details of ${publishedTrack.title}` });
    const title = within(form).getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Engine Blues");
    await user.selectOptions(within(form).getByLabelText("Visibility"), "private");
    await user.click(within(form).getByRole("button", { name: "Save details" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Engine Blues" })).toBeInTheDocument();
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(screen.getByText("Private")).toBeInTheDocument();
  });

  it("deletes the track after confirmation and goes to My tracks", async () => {
    const user = await renderStory(AsOwner);

    await user.click(screen.getByRole("button", { name: `Delete ${publishedTrack.title}` }));
    expect(screen.getByRole("button", { name: "Keep it" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Delete for good" }));

    expect(await screen.findByRole("heading", { level: 1, name: "My tracks" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: publishedTrack.title })).not.toBeInTheDocument();
  });

  it("plays the track in the player bar", async () => {
    const user = await renderStory(AsListener);

    await user.click(screen.getByRole("button", { name: `Play ${publishedTrack.title}` }));

    expect(player().getByRole("link", { name: publishedTrack.title })).toBeInTheDocument();
    await waitFor(() => expect(attachHlsStream).toHaveBeenCalledTimes(1));
    expect(attachHlsStream.mock.calls[0]?.[1]).toMatch(/master\.m3u8$/);
    await waitFor(() => expect(media.play).toHaveBeenCalled());
    expect(screen.getByRole("button", { name: `Pause ${publishedTrack.title}` })).toBeInTheDocument();
    expect(player().getByRole("button", { name: "Pause" })).toBeInTheDocument();
  });

  it("moves the waveform's playhead with the audio and seeks the player from it", async () => {
    const user = await renderStory(AsListener);
    const waveform = screen.getByRole("slider", { name: `Position in ${publishedTrack.title}` });

    // Clicking the waveform of a track that is not playing starts it there.
    vi.spyOn(waveform, "getBoundingClientRect").mockReturnValue(new DOMRect(0, 0, 400, 80));
    fireEvent.click(waveform, { clientX: 100 });
    await waitFor(() => expect(media.play).toHaveBeenCalled());
    expect(playerAudio().currentTime).toBe(63);
    expect(waveform).toHaveAttribute("aria-valuenow", "63");

    waveform.focus();
    await user.keyboard("{ArrowRight}");
    expect(playerAudio().currentTime).toBe(68);
    expect(screen.getByTestId("player-current-time")).toHaveTextContent("1:08");
  });

  it("follows processing live for the owner, then shows the finished track", async () => {
    await renderStory(OwnerProcessing, processingTrack.title);
    expect(screen.getByText("Processing 40%")).toBeInTheDocument();
    expect(screen.getByText(/waveform appears once the track has been processed/i)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: `Play ${processingTrack.title}` })).not.toBeInTheDocument();
    await waitFor(() => expect(trackEvents.isSubscribed(processingTrack.id)).toBe(true));

    trackEvents.emit(processingTrack.id, { status: "processing", progress: 70, failureReason: null });
    expect(await screen.findByText("Processing 70%")).toBeInTheDocument();

    // The worker finishes: the page fetches the track again, now with its waveform.
    const stored = ownerProcessingApi.tracks.state.tracks.find((track) => track.id === processingTrack.id);
    Object.assign(stored ?? {}, { status: "ready", progress: 100, durationMs: 200_000, waveform: buildWaveform(3) });
    trackEvents.emit(processingTrack.id, { status: "ready", progress: 100, failureReason: null });

    expect(await screen.findByRole("button", { name: `Play ${processingTrack.title}` })).toBeInTheDocument();
    expect(screen.getByRole("slider", { name: `Position in ${processingTrack.title}` })).toBeInTheDocument();
    expect(screen.getByText("Ready")).toBeInTheDocument();
    expect(trackEvents.isSubscribed(processingTrack.id)).toBe(false);
  });

  it("shows the owner why processing failed, and retries it", async () => {
    const user = await renderStory(OwnerFailed, "Punch Cards");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Processing failed. The file could not be decoded");

    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByText("Waiting to process")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says when there is no such track", async () => {
    await renderStory(NotFound, "Track not found");
    expect(screen.getByRole("link", { name: "Go back home" })).toBeInTheDocument();
  });
});
