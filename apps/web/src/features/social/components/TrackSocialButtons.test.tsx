import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse, ownerOf } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lateNightMix, lin, linSketch, nightDrive } from "../socialStoryMocks.ts";
import * as stories from "./TrackSocialButtons.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { SignedIn, OwnTrack, UnlistedTrack, SignedOut, InATrackList, PlaylistLike } = composeStories(
  stories,
  sharedAnnotations,
);
const { signedInApi } = stories;

async function renderStory(Story: typeof SignedIn) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  return userEvent.setup();
}

/** A reply the test lets go when it is ready, to look at the screen while the request is out. */
function heldReply(reply: () => Response) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release,
    resolver: async () => {
      await released;
      return reply();
    },
  };
}

const likeButton = (title = nightDrive.title) => screen.getByRole("button", { name: `Like ${title}` });
const repostButton = (title = nightDrive.title) => screen.getByRole("button", { name: `Repost ${title}` });

afterEach(() => vi.restoreAllMocks());

describe("TrackSocialButtons", () => {
  it("shows the counts: likes, reposts and comments", async () => {
    await renderStory(SignedIn);

    await waitFor(() => expect(likeButton()).toHaveAccessibleDescription("12 likes"));
    expect(likeButton()).toHaveAttribute("aria-pressed", "false");
    expect(repostButton()).toHaveAccessibleDescription("1 repost");
    expect(screen.getByRole("link", { name: "2 comments" })).toHaveAttribute("href", "#comments");
  });

  it("likes at once, keeps the server's answer, and takes the like back", async () => {
    const user = await renderStory(SignedIn);
    await waitFor(() => expect(likeButton()).toBeEnabled());

    await user.click(likeButton());
    expect(likeButton()).toHaveAttribute("aria-pressed", "true");
    expect(likeButton()).toHaveAccessibleDescription("13 likes");
    await waitFor(() =>
      expect(signedInApi.social.state.likes).toContainEqual(
        expect.objectContaining({ trackId: nightDrive.id, userId: lin.id }),
      ),
    );

    await user.click(likeButton());
    expect(likeButton()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(likeButton()).toHaveAccessibleDescription("12 likes"));
    await waitFor(() => expect(signedInApi.social.state.likes.some((like) => like.userId === lin.id)).toBe(false));
  });

  it("puts the like back when the server refuses it, and says so", async () => {
    const user = await renderStory(SignedIn);
    await waitFor(() => expect(likeButton()).toBeEnabled());
    const held = heldReply(() => errorResponse("SERVICE_UNAVAILABLE", "Starting up"));
    server.use(http.put("/api/v1/tracks/:id/like", held.resolver));

    await user.click(likeButton());
    // Optimistic: the like shows while the request is out…
    expect(likeButton()).toHaveAttribute("aria-pressed", "true");
    expect(likeButton()).toHaveAccessibleDescription("13 likes");

    held.release();
    // …and goes away again when it fails.
    expect(await screen.findByRole("alert")).toHaveTextContent("Your like wasn't saved.");
    expect(likeButton()).toHaveAttribute("aria-pressed", "false");
    expect(likeButton()).toHaveAccessibleDescription("12 likes");
  });

  it("takes the server's counts as the truth, whatever it guessed", async () => {
    const user = await renderStory(SignedIn);
    await waitFor(() => expect(likeButton()).toBeEnabled());
    server.use(
      http.put("/api/v1/tracks/:id/like", () =>
        HttpResponse.json({
          trackId: nightDrive.id,
          likeCount: 40,
          repostCount: 1,
          commentCount: 2,
          viewer: { liked: true, reposted: false },
        }),
      ),
    );

    await user.click(likeButton());

    await waitFor(() => expect(likeButton()).toHaveAccessibleDescription("40 likes"));
  });

  it("reposts someone else's track with its count", async () => {
    const user = await renderStory(SignedIn);
    await waitFor(() => expect(repostButton()).toBeEnabled());

    await user.click(repostButton());

    expect(repostButton()).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(repostButton()).toHaveAccessibleDescription("2 reposts"));
    expect(signedInApi.social.state.reposts).toContainEqual(
      expect.objectContaining({ trackId: nightDrive.id, user: ownerOf(lin) }),
    );
  });

  it("refuses to repost my own track and says why", async () => {
    const user = await renderStory(OwnTrack);
    await waitFor(() => expect(repostButton(linSketch.title)).toBeEnabled());

    await user.click(repostButton(linSketch.title));

    expect(await screen.findByRole("alert")).toHaveTextContent("You can't repost your own track.");
    expect(repostButton(linSketch.title)).toHaveAttribute("aria-pressed", "false");
    expect(repostButton(linSketch.title)).toHaveAccessibleDescription("0 reposts");
  });

  it("refuses to repost an unlisted track and says why", async () => {
    const user = await renderStory(UnlistedTrack);
    await waitFor(() => expect(repostButton("Unlisted Demo")).toBeEnabled());

    await user.click(repostButton("Unlisted Demo"));

    expect(await screen.findByRole("alert")).toHaveTextContent("Only public tracks can be reposted.");
  });

  it("signed out, shows the counts and sends nothing: a click goes to sign in", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(SignedOut);
    await waitFor(() => expect(likeButton()).toHaveAccessibleDescription("12 likes"));

    await user.click(likeButton());

    expect(await screen.findByText("The sign-in page")).toBeInTheDocument();
    expect(requests.to(`/api/v1/tracks/${nightDrive.id}/like`)).toHaveLength(0);
  });

  it("gives every row of a track list its own counts", async () => {
    await renderStory(InATrackList);
    const list = await screen.findByRole("list", { name: "Tracks" });

    await waitFor(() =>
      expect(within(list).getByRole("button", { name: "Like Night Drive" })).toHaveAccessibleDescription("12 likes"),
    );
    expect(within(list).getByRole("button", { name: "Like Low Tide" })).toHaveAccessibleDescription("0 likes");
    expect(within(list).getByRole("button", { name: "Repost Night Drive" })).toHaveAccessibleDescription("1 repost");
  });

  it("likes a playlist and takes it back", async () => {
    const user = await renderStory(PlaylistLike);
    const like = () => screen.getByRole("button", { name: `Like ${lateNightMix.title}` });
    await waitFor(() => expect(like()).toHaveAccessibleDescription("4 likes"));

    await user.click(like());
    expect(like()).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(like()).toHaveAccessibleDescription("5 likes"));

    await user.click(like());
    await waitFor(() => expect(like()).toHaveAccessibleDescription("4 likes"));
    expect(like()).toHaveAttribute("aria-pressed", "false");
  });
});
