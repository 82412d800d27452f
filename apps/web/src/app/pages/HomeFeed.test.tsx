import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../.storybook/annotations.tsx";
import { recordApiRequests } from "../../test/requests.ts";
import { applyStoryHandlers } from "../../test/storyMocks.ts";
import * as stories from "./HomeFeed.stories.tsx";

vi.mock("../../player/hlsSource.ts", () => import("../../test/fakeHlsSource.ts"));

const { Following, OnlyPopular, Empty } = composeStories(stories, sharedAnnotations);

afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof Following) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return userEvent.setup();
}

const feed = () => screen.findByRole("list", { name: "Your feed" });
const rows = (list: HTMLElement) => within(list).getAllByRole("listitem");
const titleOf = (row: HTMLElement) => row.querySelector(".track-list__title")?.textContent;

describe("Home feed", () => {
  it("shows a signed-in listener their feed: reposts and new tracks of the people they follow, then popular", async () => {
    await renderStory(Following);

    expect(await screen.findByRole("heading", { level: 1, name: "Home" })).toBeInTheDocument();
    const [repost, newTrack, popular] = rows(await feed()) as [HTMLElement, HTMLElement, HTMLElement];
    expect(titleOf(repost)).toBe("Night Drive");
    expect(repost).toHaveTextContent("Reposted by theo");
    expect(within(repost).getByRole("link", { name: "theo" })).toHaveAttribute("href", "/creators/theo");
    expect(titleOf(newTrack)).toBe("Paper Planes");
    expect(newTrack).toHaveTextContent("New track");
    expect(titleOf(popular)).toBe("Popular 1");
    expect(within(popular).getByText("Popular")).toBeInTheDocument();
    // The feed carries each track's counts: no request per row.
    expect(within(repost).getByRole("button", { name: "Like Night Drive" })).toHaveAccessibleDescription("12 likes");
    expect(within(repost).getByRole("button", { name: "Repost Night Drive" })).toHaveAccessibleDescription("1 repost");
  });

  it("loads more with Show more until the feed runs out", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(Following);
    const list = await feed();
    expect(rows(list)).toHaveLength(20);

    await user.click(screen.getByRole("button", { name: "Show more" }));

    await waitFor(() => expect(rows(list)).toHaveLength(29));
    expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
    expect(new Set(rows(list).map(titleOf)).size).toBe(29);
    expect(requests.to(/\/social$/)).toHaveLength(0);
  });

  it("shows popular tracks, with a hint, to someone who follows nobody", async () => {
    await renderStory(OnlyPopular);

    const list = await feed();
    expect(screen.getByText(/Follow creators to see their new tracks and reposts first/)).toBeInTheDocument();
    expect(rows(list).map(titleOf)).toEqual(["Night Drive", "Low Tide", "Paper Planes", "Lin's Sketch"]);
    expect(within(list).getAllByText("Popular")).toHaveLength(4);
  });

  it("says when there is nothing at all", async () => {
    await renderStory(Empty);

    expect(await screen.findByText(/Nothing here yet\. Follow creators you like/)).toBeInTheDocument();
  });
});
