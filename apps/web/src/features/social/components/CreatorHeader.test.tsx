import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse, MIRA } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lin } from "../socialStoryMocks.ts";
import * as stories from "./CreatorHeader.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { SignedIn, SignedOut, Followers, OwnProfile } = composeStories(stories, sharedAnnotations);
const { followerApi } = stories;

afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof SignedIn) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return userEvent.setup();
}

const counts = () => screen.findByRole("list", { name: "About Mira Sol" });

describe("Creator header", () => {
  it("shows the creator's name, bio and counts, with links to their followers and followings", async () => {
    await renderStory(SignedIn);

    expect(await screen.findByRole("heading", { level: 1, name: "Mira Sol" })).toBeInTheDocument();
    const list = await counts();
    expect(within(list).getByText("2 tracks")).toBeInTheDocument();
    expect(within(list).getByRole("link", { name: "2 followers" })).toHaveAttribute("href", "/creators/mira/followers");
    expect(within(list).getByRole("link", { name: "0 following" })).toHaveAttribute("href", "/creators/mira/following");
    expect(screen.getByText(/Synths after midnight/)).toBeInTheDocument();
    expect(screen.getByText("Berlin")).toBeInTheDocument();
  });

  it("follows and unfollows, and the follower count follows along", async () => {
    const user = await renderStory(SignedIn);
    const list = await counts();

    await user.click(await screen.findByRole("button", { name: "Follow Mira Sol" }));
    expect(within(list).getByRole("link", { name: "3 followers" })).toBeInTheDocument();
    await waitFor(() => expect(followerApi.social.state.isFollowing(lin.id, MIRA.id)).toBe(true));

    await user.click(screen.getByRole("button", { name: "Unfollow Mira Sol" }));
    expect(within(list).getByRole("link", { name: "2 followers" })).toBeInTheDocument();
    await waitFor(() => expect(followerApi.social.state.isFollowing(lin.id, MIRA.id)).toBe(false));
    expect(await screen.findByRole("button", { name: "Follow Mira Sol" })).toBeInTheDocument();
  });

  it("puts the count back when following fails, and says so", async () => {
    const user = await renderStory(SignedIn);
    const list = await counts();
    server.use(http.put("/api/v1/users/:username/follow", () => errorResponse("FORBIDDEN", "You cannot follow")));

    await user.click(await screen.findByRole("button", { name: "Follow Mira Sol" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("You don't follow them yet. You cannot follow");
    expect(within(list).getByRole("link", { name: "2 followers" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Follow Mira Sol" })).toBeInTheDocument();
  });

  it("unfollows an account suspended since the page opened: the server removes the follow but shows no profile (204)", async () => {
    const user = await renderStory(SignedIn);
    const list = await counts();
    await user.click(await screen.findByRole("button", { name: "Follow Mira Sol" }));
    await screen.findByRole("button", { name: "Unfollow Mira Sol" });

    server.use(http.delete("/api/v1/users/:username/follow", () => new HttpResponse(null, { status: 204 })));
    await user.click(screen.getByRole("button", { name: "Unfollow Mira Sol" }));
    expect(await screen.findByRole("button", { name: "Follow Mira Sol" })).toBeInTheDocument();
    expect(within(list).getByRole("link", { name: "2 followers" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("asks a visitor to sign in before following", async () => {
    const user = await renderStory(SignedOut);

    await user.click(await screen.findByRole("button", { name: "Follow Mira Sol" }));

    expect(await screen.findByRole("heading", { level: 1, name: /sign in/i })).toBeInTheDocument();
  });

  it("offers no Follow on my own page", async () => {
    await renderStory(OwnProfile);

    expect(await screen.findByRole("list", { name: "About Lin" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Follow/ })).not.toBeInTheDocument();
  });

  it("lists a creator's followers, latest first, each with their own Follow", async () => {
    const user = await renderStory(Followers);

    const list = await screen.findByRole("list", { name: "People who follow Mira Sol" });
    const names = within(list)
      .getAllByRole("listitem")
      .map((item) => within(item).getAllByRole("link")[0]?.textContent);
    expect(names).toEqual(["Grace Hopper", "theo"]);
    expect(within(list).getByText("@theo · 0 followers")).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Follow theo" }));

    expect(within(list).getByText("@theo · 1 follower")).toBeInTheDocument();
    expect(await within(list).findByRole("button", { name: "Unfollow theo" })).toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Following" }));
    expect(await screen.findByText("Mira Sol doesn't follow anyone yet.")).toBeInTheDocument();
  });
});
