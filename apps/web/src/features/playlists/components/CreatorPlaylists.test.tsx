import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers, nextMockedResponseStatus } from "../../../test/storyMocks.ts";
import { lateNightMix, miraFavourites } from "../playlistStoryMocks.ts";
import * as stories from "./CreatorPlaylists.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { PublicPlaylists, ListenerPage, NoPlaylists } = composeStories(stories, sharedAnnotations);

function renderStory(Story: typeof PublicPlaylists) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

describe("A creator's page: playlists", () => {
  it("lists the creator's public playlists only", async () => {
    renderStory(PublicPlaylists);

    const list = await screen.findByRole("list", { name: "Playlists by Mira Sol" });
    expect(screen.getByRole("heading", { level: 2, name: "Playlists" })).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([miraFavourites.title]);
    expect(within(list).getByRole("link")).toHaveAttribute("href", `/playlists/${miraFavourites.id}`);
    expect(within(list).getByText(/^2 tracks, /)).toBeInTheDocument();
  });

  it("leaves out unlisted and private playlists", async () => {
    renderStory(ListenerPage);

    const list = await screen.findByRole("list", { name: /^Playlists by / });
    expect(
      within(list)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([lateNightMix.title]);
  });

  it("shows no playlists section for someone without public playlists", async () => {
    const served = nextMockedResponseStatus("/api/v1/users/theo/playlists");
    renderStory(NoPlaylists);

    expect(await served).toBe(200);
    expect(await screen.findByRole("list", { name: "Tracks by theo" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 2, name: "Playlists" })).not.toBeInTheDocument();
  });
});
