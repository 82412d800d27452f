import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lateNightMix } from "../../social/socialStoryMocks.ts";
import * as stories from "./LibraryLikesTab.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { WithLikes, NoLikesYet } = composeStories(stories, sharedAnnotations);

afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof WithLikes) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return userEvent.setup();
}

const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector(".track-list__title")?.textContent);

describe("Library: Likes", () => {
  it("is a tab of the library", async () => {
    await renderStory(WithLikes);

    const tabs = await screen.findByRole("navigation", { name: "Library" });
    expect(within(tabs).getByRole("link", { name: "Likes" })).toHaveAttribute("aria-current", "page");
  });

  it("lists the tracks I like, latest like first, and the playlists I like", async () => {
    await renderStory(WithLikes);

    const tracks = await screen.findByRole("list", { name: "Liked tracks" });
    expect(titles(tracks)).toEqual(["Paper Planes", "Night Drive"]);
    expect(within(tracks).getByRole("button", { name: "Like Night Drive" })).toHaveAttribute("aria-pressed", "true");
    expect(within(tracks).getByRole("button", { name: "Like Night Drive" })).toHaveAccessibleDescription("13 likes");
    expect(within(tracks).getByRole("button", { name: "Play Paper Planes" })).toBeEnabled();

    const playlists = await screen.findByRole("list", { name: "Liked playlists" });
    expect(within(playlists).getByRole("link", { name: new RegExp(lateNightMix.title) })).toHaveAttribute(
      "href",
      `/playlists/${lateNightMix.id}`,
    );
  });

  it("keeps a track I unlike in the list, so I can like it again", async () => {
    const user = await renderStory(WithLikes);
    const tracks = await screen.findByRole("list", { name: "Liked tracks" });
    const like = () => within(tracks).getByRole("button", { name: "Like Paper Planes" });

    await user.click(like());
    await waitFor(() => expect(like()).toHaveAccessibleDescription("0 likes"));
    expect(like()).toHaveAttribute("aria-pressed", "false");
    expect(titles(tracks)).toEqual(["Paper Planes", "Night Drive"]);
  });

  it("says what shows up here when nothing is liked yet", async () => {
    await renderStory(NoLikesYet);

    expect(await screen.findByText("Tracks you like show up here.")).toBeInTheDocument();
    expect(await screen.findByText("Playlists you like show up here.")).toBeInTheDocument();
  });
});
