import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { emptyCrate, lateNightMix, secretSketches } from "../playlistStoryMocks.ts";
import * as stories from "./LibraryPlaylistsTab.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { Playlists, ManyPlaylists, NoPlaylists, SignedOut } = composeStories(stories, sharedAnnotations);

afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof Playlists) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 1, name: "Library" });
  return userEvent.setup();
}

const cards = (list: HTMLElement) => within(list).getAllByRole("listitem");

describe("Library: playlists", () => {
  it("lists my playlists newest first, each linking to its page, with size and visibility", async () => {
    await renderStory(Playlists);

    const list = await screen.findByRole("list", { name: "Your playlists" });
    expect(
      within(list)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([emptyCrate.title, secretSketches.title, lateNightMix.title]);
    expect(within(list).getByRole("link", { name: lateNightMix.title })).toHaveAttribute(
      "href",
      `/playlists/${lateNightMix.id}`,
    );
    const [empty, secret, mix] = cards(list) as [HTMLElement, HTMLElement, HTMLElement];
    expect(empty).toHaveTextContent("No tracks yet");
    expect(empty).toHaveTextContent("Unlisted");
    expect(secret).toHaveTextContent("8 tracks");
    expect(secret).toHaveTextContent("Private");
    expect(mix).toHaveTextContent("6 tracks");
    expect(mix).not.toHaveTextContent("Public");
  });

  it("has tabs: Playlists here, and the listening history", async () => {
    await renderStory(Playlists);

    const tabs = screen.getByRole("navigation", { name: "Library" });
    expect(within(tabs).getByRole("link", { name: "Playlists" })).toHaveAttribute("aria-current", "page");
    expect(within(tabs).getByRole("link", { name: "History" })).toHaveAttribute("href", "/library/history");
  });

  it("creates a playlist in a dialog and opens it", async () => {
    const user = await renderStory(Playlists);
    const requests = recordApiRequests();

    await user.click(screen.getByRole("button", { name: "New playlist" }));
    const dialog = screen.getByRole("dialog", { name: "New playlist" });
    await user.click(within(dialog).getByRole("button", { name: "Create playlist" }));
    expect(within(dialog).getByText("Give the playlist a title")).toBeInTheDocument();
    expect(requests.to("/api/v1/playlists", "POST")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("Title"), "Road Trip");
    await user.type(within(dialog).getByLabelText(/Description/), "Songs for the A1.");
    await user.click(within(dialog).getByRole("button", { name: "Create playlist" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Road Trip" })).toBeInTheDocument();
    expect(screen.getByText("Songs for the A1.")).toBeInTheDocument();
    expect(screen.getByText(/This playlist is empty\./)).toBeInTheDocument();
    const [create] = requests.to("/api/v1/playlists", "POST");
    expect(await create?.json()).toEqual({
      title: "Road Trip",
      description: "Songs for the A1.",
      visibility: "public",
    });

    await user.click(
      within(screen.getByRole("navigation", { name: "Primary" })).getByRole("link", { name: "Library" }),
    );
    const list = await screen.findByRole("list", { name: "Your playlists" });
    await waitFor(() => expect(within(list).getAllByRole("link")[0]).toHaveTextContent("Road Trip"));
  });

  it("cancelling the dialog creates nothing", async () => {
    const user = await renderStory(Playlists);
    const requests = recordApiRequests();

    await user.click(screen.getByRole("button", { name: "New playlist" }));
    await user.type(screen.getByLabelText("Title"), "Never mind");
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New playlist" })).toHaveFocus();
    expect(requests.to("/api/v1/playlists", "POST")).toHaveLength(0);
  });

  it("pages through many playlists with Show more", async () => {
    const user = await renderStory(ManyPlaylists);
    const list = await screen.findByRole("list", { name: "Your playlists" });
    expect(cards(list)).toHaveLength(24);

    await user.click(screen.getByRole("button", { name: "Show more" }));

    await waitFor(() => expect(cards(list)).toHaveLength(30));
    expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
  });

  it("says when there are none yet", async () => {
    await renderStory(NoPlaylists);

    expect(await screen.findByText(/You have no playlists yet\./)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New playlist" })).toBeInTheDocument();
  });

  it("sends someone signed out to sign in", async () => {
    applyStoryHandlers(SignedOut.parameters);
    render(<SignedOut />);

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  });
});
