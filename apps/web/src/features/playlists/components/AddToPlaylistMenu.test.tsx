import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lateNightMix, looseTrack, mixTracks, secretSketches } from "../playlistStoryMocks.ts";
import * as stories from "./AddToPlaylistMenu.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { OnTrackPage, NoPlaylistsYet, SignedOut, InTrackList } = composeStories(stories, sharedAnnotations);
const nightDrive = mixTracks[0];

async function renderStory(Story: typeof OnTrackPage) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByText(/^Signed in as/);
  return userEvent.setup();
}

async function openMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Add to playlist" }));
  return screen.findByRole("menu", { name: `Add ${nightDrive?.title} to a playlist` });
}

const itemNames = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole("menuitem")
    .map((item) => item.textContent);

describe("AddToPlaylistMenu", () => {
  it("lists my playlists, newest first, then “New playlist…”", async () => {
    const user = await renderStory(OnTrackPage);

    const menu = await openMenu(user);

    expect(itemNames(menu)).toEqual(["Empty Crate", secretSketches.title, lateNightMix.title, "New playlist…"]);
    expect(screen.getByRole("button", { name: "Add to playlist" })).toHaveAttribute("aria-expanded", "true");
  });

  it("adds the track to the chosen playlist and says so", async () => {
    const user = await renderStory(OnTrackPage);
    const requests = recordApiRequests();
    const menu = await openMenu(user);

    await user.click(within(menu).getByRole("menuitem", { name: secretSketches.title }));

    expect(await screen.findByRole("status")).toHaveTextContent(`Added to “${secretSketches.title}”.`);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add to playlist" })).toHaveFocus();
    const [post] = requests.to(`/api/v1/playlists/${secretSketches.id}/tracks`, "POST");
    expect(await post?.json()).toEqual({ trackId: nightDrive?.id });
  });

  it("says “Already in this playlist” when the server answers 409, and keeps the menu open", async () => {
    const user = await renderStory(OnTrackPage);
    const menu = await openMenu(user);

    await user.click(within(menu).getByRole("menuitem", { name: lateNightMix.title }));

    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Already in this playlist."));
    expect(screen.getByRole("menu")).toBeInTheDocument();
  });

  it("creates a new playlist from the menu and adds the track to it", async () => {
    const user = await renderStory(OnTrackPage);
    const requests = recordApiRequests();
    const menu = await openMenu(user);

    await user.click(within(menu).getByRole("menuitem", { name: "New playlist…" }));
    const dialog = screen.getByRole("dialog", { name: "New playlist" });
    expect(within(dialog).getByLabelText("Title")).toHaveFocus();
    await user.type(within(dialog).getByLabelText("Title"), "Road Trip");
    await user.selectOptions(within(dialog).getByLabelText("Visibility"), "unlisted");
    await user.click(within(dialog).getByRole("button", { name: "Create playlist" }));

    expect(await screen.findByText("Added to “Road Trip”.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add to playlist" })).toHaveFocus();
    const [create] = requests.to("/api/v1/playlists", "POST");
    expect(await create?.json()).toEqual({ title: "Road Trip", description: null, visibility: "unlisted" });
    expect(requests.to(/^\/api\/v1\/playlists\/[^/]+\/tracks$/, "POST")).toHaveLength(1);

    // The new playlist is in the menu from now on, newest first.
    const again = await openMenu(user);
    expect(itemNames(again)[0]).toBe("Road Trip");
  });

  it("works from the keyboard: Arrow Down opens it, arrows move, Escape closes it", async () => {
    const user = await renderStory(OnTrackPage);
    const button = screen.getByRole("button", { name: "Add to playlist" });
    button.focus();

    await user.keyboard("{ArrowDown}");
    const menu = await screen.findByRole("menu");
    await waitFor(() => expect(within(menu).getByRole("menuitem", { name: "Empty Crate" })).toHaveFocus());
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: secretSketches.title })).toHaveFocus();
    await user.keyboard("{End}");
    expect(within(menu).getByRole("menuitem", { name: "New playlist…" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Empty Crate" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it("offers only “New playlist…” to someone without playlists", async () => {
    const user = await renderStory(NoPlaylistsYet);

    const menu = await openMenu(user);

    expect(itemNames(menu)).toEqual(["New playlist…"]);
  });

  it("shows nothing when signed out", async () => {
    applyStoryHandlers(SignedOut.parameters);
    const { container } = render(<SignedOut />);

    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });

  it("gives every row of a track list its own “+” when signed in", async () => {
    const user = await renderStory(InTrackList);
    const list = screen.getByRole("list", { name: "Tracks to add" });

    await user.click(within(list).getByRole("button", { name: `Add ${looseTrack.title} to a playlist` }));
    const menu = await screen.findByRole("menu", { name: `Add ${looseTrack.title} to a playlist` });
    await user.click(within(menu).getByRole("menuitem", { name: lateNightMix.title }));

    const row = within(list)
      .getAllByRole("listitem")
      .find((item) => within(item).queryByRole("link", { name: looseTrack.title }));
    expect(await within(row as HTMLElement).findByText(`Added to “${lateNightMix.title}”.`)).toBeInTheDocument();
  });
});
