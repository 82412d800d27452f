import { composeStories } from "@storybook/react-vite";
import { createEvent, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { stubMediaPlayback } from "../../../test/media.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lateNightMix, mixTracks, ownProcessingTrack, secretSketches, sketchTracks } from "../playlistStoryMocks.ts";
import * as stories from "./PlaylistPage.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { AsOwner, AsVisitor, EmptyPlaylist, Reordering, ReorderConflict, PrivateOfSomeoneElse } = composeStories(
  stories,
  sharedAnnotations,
);

beforeEach(() => {
  stubMediaPlayback();
});
afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof AsOwner, heading: string) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 1, name: heading });
  return userEvent.setup();
}

const player = () => within(screen.getByRole("contentinfo", { name: "Player" }));
const trackList = (name: string) => screen.getByRole("list", { name: `Tracks of ${name}` });
const titlesIn = (name: string) =>
  within(trackList(name))
    .getAllByRole("listitem")
    .map((row) => within(row).getAllByRole("link")[0]?.textContent);
const sketchTitles = sketchTracks.map((track) => track.title);
const mixTitles = mixTracks.map((track) => track.title);
/** The row of the track called `title`. */
const rowOf = (listName: string, title: string) => {
  const row = within(trackList(listName))
    .getAllByRole("listitem")
    .find((item) => within(item).queryByRole("link", { name: title }));
  if (!row) throw new Error(`no row for ${title}`);
  return row;
};

describe("PlaylistPage", () => {
  it("shows the cover mosaic, title, owner, description, size and the tracks in order", async () => {
    await renderStory(AsVisitor, lateNightMix.title);

    const cover = screen.getByRole("img", { name: `Cover of ${lateNightMix.title}` });
    expect(cover).toHaveAttribute("data-cover", "mosaic");
    expect(cover.querySelectorAll("img")).toHaveLength(4);
    expect(screen.getByRole("link", { name: "Lin Park" })).toHaveAttribute("href", "/creators/lin");
    expect(screen.getByText("Public")).toHaveClass("track-badge");
    expect(screen.getByText(/For the drive home\./)).toBeInTheDocument();
    // The visitor does not get Lin's processing demo, so five tracks.
    expect(screen.getByText("5 tracks, 20 min")).toBeInTheDocument();
    expect(titlesIn(lateNightMix.title)).toEqual(mixTitles);
  });

  it("plays the playlist as the player's queue, in order, from the first track", async () => {
    const user = await renderStory(AsVisitor, lateNightMix.title);

    await user.click(screen.getByRole("button", { name: "Play playlist" }));

    const heard: (string | null)[] = [player().getByRole("link", { name: mixTitles[0] }).textContent];
    for (let step = 1; step < mixTitles.length; step += 1) {
      await user.click(player().getByRole("button", { name: "Next" }));
      heard.push(player().getAllByRole("link")[0]?.textContent ?? null);
    }
    expect(heard).toEqual(mixTitles);
    expect(player().getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("plays from the clicked track, and leaves a track still processing out of the queue", async () => {
    const user = await renderStory(AsOwner, lateNightMix.title);
    expect(titlesIn(lateNightMix.title)).toEqual([...mixTitles, ownProcessingTrack.title]);
    expect(screen.getByRole("button", { name: `Play ${ownProcessingTrack.title}` })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Play Midnight Run" }));

    expect(player().getByRole("link", { name: "Midnight Run" })).toBeInTheDocument();
    await user.click(player().getByRole("button", { name: "Next" }));
    expect(player().getByRole("link", { name: "Neon Rain" })).toBeInTheDocument();
    expect(player().getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("gives a visitor no way to change the playlist", async () => {
    await renderStory(AsVisitor, lateNightMix.title);

    expect(screen.queryByRole("button", { name: `Edit ${lateNightMix.title}` })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: `Delete ${lateNightMix.title}` })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Move / })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Remove / })).not.toBeInTheDocument();
    expect(within(trackList(lateNightMix.title)).getAllByRole("listitem")[0]).not.toHaveAttribute("draggable", "true");
  });

  it("lets the owner edit the title, description and visibility", async () => {
    const user = await renderStory(AsOwner, lateNightMix.title);
    const requests = recordApiRequests();

    await user.click(screen.getByRole("button", { name: `Edit ${lateNightMix.title}` }));
    const dialog = screen.getByRole("dialog", { name: "Edit playlist" });
    const title = within(dialog).getByLabelText("Title");
    expect(title).toHaveFocus();
    await user.clear(title);
    await user.type(title, "Early Morning Mix");
    await user.clear(within(dialog).getByLabelText(/Description/));
    await user.selectOptions(within(dialog).getByLabelText("Visibility"), "private");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Early Morning Mix" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByText("Private")).toBeInTheDocument();
    expect(screen.queryByText(/For the drive home\./)).not.toBeInTheDocument();
    const [patch] = requests.to(`/api/v1/playlists/${lateNightMix.id}`, "PATCH");
    expect(await patch?.json()).toEqual({ title: "Early Morning Mix", description: null, visibility: "private" });
  });

  it("refuses an empty title before sending anything", async () => {
    const user = await renderStory(AsOwner, lateNightMix.title);
    const requests = recordApiRequests();

    await user.click(screen.getByRole("button", { name: `Edit ${lateNightMix.title}` }));
    const dialog = screen.getByRole("dialog", { name: "Edit playlist" });
    await user.clear(within(dialog).getByLabelText("Title"));
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));

    expect(within(dialog).getByText("Give the playlist a title")).toBeInTheDocument();
    expect(requests.to(`/api/v1/playlists/${lateNightMix.id}`, "PATCH")).toHaveLength(0);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: `Edit ${lateNightMix.title}` })).toHaveFocus();
  });

  it("reorders with Alt+Arrow keys: sends the new order and keeps focus on the moved track", async () => {
    const user = await renderStory(Reordering, secretSketches.title);
    const requests = recordApiRequests();

    within(rowOf(secretSketches.title, "Sketch 1")).getByRole("link", { name: "Sketch 1" }).focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");

    const moved = ["Sketch 2", "Sketch 1", ...sketchTitles.slice(2)];
    expect(titlesIn(secretSketches.title)).toEqual(moved);
    expect(screen.getByRole("button", { name: "Move Sketch 1 down" })).toHaveFocus();
    expect(screen.getByText("Moved “Sketch 1” to position 2 of 8.")).toBeInTheDocument();
    await waitFor(() => expect(requests.to(`/api/v1/playlists/${secretSketches.id}/order`, "PUT")).toHaveLength(1));
    const [put] = requests.to(`/api/v1/playlists/${secretSketches.id}/order`, "PUT");
    const ids = (title: string) => sketchTracks.find((track) => track.title === title)?.id;
    expect(await put?.json()).toEqual({ trackIds: moved.map(ids) });

    // Again, from the Move up button the focus followed: the first track cannot go higher.
    await user.click(screen.getByRole("button", { name: "Move Sketch 1 up" }));
    expect(titlesIn(secretSketches.title)).toEqual(sketchTitles);
    expect(screen.getByRole("button", { name: "Move Sketch 1 up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Sketch 1 down" })).toHaveFocus();
    await waitFor(() => expect(requests.to(`/api/v1/playlists/${secretSketches.id}/order`, "PUT")).toHaveLength(2));
  });

  it("shows a move at once and puts the old order back, with the reason, when the server refuses it", async () => {
    let refuse: () => void = () => {};
    const refused = new Promise<void>((resolve) => {
      refuse = resolve;
    });
    applyStoryHandlers(Reordering.parameters);
    server.use(
      http.put("/api/v1/playlists/:id/order", async () => {
        await refused;
        return errorResponse("INTERNAL", "Something broke");
      }),
    );
    render(<Reordering />);
    await screen.findByRole("heading", { level: 1, name: secretSketches.title });
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Move Sketch 3 up" }));
    expect(titlesIn(secretSketches.title).slice(0, 3)).toEqual(["Sketch 1", "Sketch 3", "Sketch 2"]);

    refuse();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The new order wasn't saved, so the previous one is back. Something went wrong on our side.",
    );
    expect(titlesIn(secretSketches.title)).toEqual(sketchTitles);
  });

  it("reloads the playlist when it changed elsewhere (PLAYLIST_ORDER_MISMATCH)", async () => {
    const user = await renderStory(ReorderConflict, lateNightMix.title);
    const requests = recordApiRequests();

    await user.click(screen.getByRole("button", { name: "Move Night Drive down" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(/This playlist changed since you opened it/);
    await waitFor(() => expect(requests.to(`/api/v1/playlists/${lateNightMix.id}`, "GET")).toHaveLength(1));
    expect(titlesIn(lateNightMix.title)).toEqual([...mixTitles, ownProcessingTrack.title]);
  });

  it("reorders by drag and drop", async () => {
    const requests = recordApiRequests();
    await renderStory(Reordering, secretSketches.title);
    const row = (title: string) => rowOf(secretSketches.title, title);
    for (const item of within(trackList(secretSketches.title)).getAllByRole("listitem")) {
      vi.spyOn(item, "getBoundingClientRect").mockReturnValue(new DOMRect(0, 0, 600, 40));
    }
    const dataTransfer = { setData: vi.fn(), setDragImage: vi.fn(), effectAllowed: "", dropEffect: "" };

    // jsdom has no DragEvent, so the pointer's height is set on the event by hand.
    const at = (event: Event, clientY: number) => {
      Object.defineProperty(event, "clientY", { value: clientY });
      return event;
    };

    fireEvent.dragStart(row("Sketch 4"), { dataTransfer });
    fireEvent(row("Sketch 1"), at(createEvent.dragOver(row("Sketch 1"), { dataTransfer }), 30));
    expect(row("Sketch 1")).toHaveClass("playlist-track--drop-after");
    fireEvent(row("Sketch 1"), at(createEvent.dragOver(row("Sketch 1"), { dataTransfer }), 5));
    expect(row("Sketch 1")).toHaveClass("playlist-track--drop-before");
    fireEvent(row("Sketch 1"), at(createEvent.drop(row("Sketch 1"), { dataTransfer }), 5));
    fireEvent.dragEnd(row("Sketch 4"), { dataTransfer });

    await waitFor(() => expect(titlesIn(secretSketches.title)[0]).toBe("Sketch 4"));
    expect(titlesIn(secretSketches.title).slice(0, 5)).toEqual([
      "Sketch 4",
      "Sketch 1",
      "Sketch 2",
      "Sketch 3",
      "Sketch 5",
    ]);
    await waitFor(() => expect(requests.to(`/api/v1/playlists/${secretSketches.id}/order`, "PUT")).toHaveLength(1));
  });

  it("removes a track for the owner", async () => {
    const user = await renderStory(AsOwner, lateNightMix.title);

    await user.click(screen.getByRole("button", { name: "Remove Low Tide from the playlist" }));

    await waitFor(() => expect(titlesIn(lateNightMix.title)).not.toContain("Low Tide"));
    expect(titlesIn(lateNightMix.title)).toEqual([
      "Night Drive",
      "Paper Planes",
      "Midnight Run",
      "Neon Rain",
      ownProcessingTrack.title,
    ]);
    expect(screen.getByText(/^5 tracks, /)).toBeInTheDocument();
  });

  it("deletes the playlist after confirmation and goes to the library", async () => {
    const user = await renderStory(AsOwner, lateNightMix.title);

    await user.click(screen.getByRole("button", { name: `Delete ${lateNightMix.title}` }));
    expect(screen.getByRole("button", { name: "Keep it" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Delete playlist" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Library" })).toBeInTheDocument();
    const mine = await screen.findByRole("list", { name: "Your playlists" });
    expect(within(mine).queryByRole("link", { name: lateNightMix.title })).not.toBeInTheDocument();
    expect(within(mine).getByRole("link", { name: secretSketches.title })).toBeInTheDocument();
  });

  it("shows an empty playlist with a placeholder cover and nothing to play", async () => {
    await renderStory(EmptyPlaylist, "Empty Crate");

    expect(screen.getByRole("img", { name: "Cover of Empty Crate" })).toHaveAttribute("data-cover", "none");
    expect(screen.getByText("No tracks yet")).toBeInTheDocument();
    expect(screen.getByText("Unlisted")).toBeInTheDocument();
    expect(screen.getByText(/This playlist is empty\./)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Play playlist" })).toBeDisabled();
  });

  it("treats someone else's private playlist as not found", async () => {
    await renderStory(PrivateOfSomeoneElse, "Playlist not found");

    expect(screen.queryByText(secretSketches.title)).not.toBeInTheDocument();
  });

  it("says when the playlist could not be loaded, with a retry", async () => {
    applyStoryHandlers(AsVisitor.parameters);
    server.use(http.get("/api/v1/playlists/:id", () => HttpResponse.error()));
    render(<AsVisitor />);

    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't load this playlist.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
