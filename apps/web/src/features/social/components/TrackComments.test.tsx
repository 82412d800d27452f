import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { ownerOf } from "../../../mocks/handlers.ts";
import { playerAudio, stubMediaPlayback } from "../../../test/media.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { lin, nightDrive } from "../socialStoryMocks.ts";
import * as stories from "./TrackComments.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { AsListener, WithMyComment, ManyComments, SignedOut, Unverified } = composeStories(stories, sharedAnnotations);
const { listenerApi } = stories;

beforeEach(() => {
  stubMediaPlayback();
});
afterEach(() => vi.restoreAllMocks());

async function renderStory(Story: typeof AsListener) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
  await screen.findByRole("heading", { level: 1, name: nightDrive.title });
  return userEvent.setup();
}

const commentsRegion = () => screen.getByRole("region", { name: "Comments" });
const commentList = () => screen.findByRole("list", { name: "Comments" });
const markers = () => screen.findByRole("list", { name: "Comments on the waveform" });
const bodies = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector(".comment__body")?.textContent);

describe("Comments on the track page", () => {
  it("lists the comments newest first, with their moments, and marks the timed ones on the waveform", async () => {
    await renderStory(AsListener);

    const list = await commentList();
    expect(bodies(list)).toEqual(["On repeat all week.\nThank you.", "That bassline at 0:42!"]);
    expect(within(list).getByRole("link", { name: "theo" })).toHaveAttribute("href", "/creators/theo");
    expect(within(list).getByRole("button", { name: "Play from 0:42" })).toBeInTheDocument();

    const marker = within(await markers()).getByRole("button", { name: "Comment by theo at 0:42" });
    expect(marker).toHaveAccessibleDescription("theo at 0:42 That bassline at 0:42!");
    // Grace's comment is about the whole track: no mark.
    expect(within(await markers()).getAllByRole("button")).toHaveLength(1);
  });

  it("plays from a marker's moment; a comment written then lands there, with its marker", async () => {
    const user = await renderStory(AsListener);

    await user.click(within(await markers()).getByRole("button", { name: "Comment by theo at 0:42" }));
    await waitFor(() => expect(playerAudio().currentTime).toBe(42));

    const form = commentsRegion();
    await user.type(within(form).getByRole("textbox", { name: "Comment" }), "Goosebumps");
    expect(within(form).getByRole("checkbox", { name: "At a moment of the track" })).toBeChecked();
    expect(within(form).getByRole("textbox", { name: "Time in the track" })).toHaveValue("0:42");
    await user.click(within(form).getByRole("button", { name: "Post comment" }));

    const list = await commentList();
    await waitFor(() => expect(bodies(list)[0]).toBe("Goosebumps"));
    const mine = within(list).getAllByRole("listitem")[0] as HTMLElement;
    expect(within(mine).getByRole("link", { name: "Lin" })).toBeInTheDocument();
    expect(within(mine).getByRole("button", { name: "Play from 0:42" })).toBeInTheDocument();
    expect(within(await markers()).getByRole("button", { name: "Comment by Lin at 0:42" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "3 comments" })).toBeInTheDocument();
    expect(within(form).getByRole("textbox", { name: "Comment" })).toHaveValue("");
    expect(listenerApi.social.state.comments[0]).toMatchObject({
      author: ownerOf(lin),
      body: "Goosebumps",
      timestampMs: 42_000,
    });
  });

  it("posts a comment about the whole track when nothing is playing", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(AsListener);
    const form = commentsRegion();
    expect(within(form).getByRole("checkbox", { name: "At a moment of the track" })).not.toBeChecked();

    await user.type(within(form).getByRole("textbox", { name: "Comment" }), "Lovely mix");
    await user.click(within(form).getByRole("button", { name: "Post comment" }));

    await waitFor(() => expect(bodies(screen.getByRole("list", { name: "Comments" }))[0]).toBe("Lovely mix"));
    const [sent] = requests.to(`/api/v1/tracks/${nightDrive.id}/comments`, "POST");
    expect(await sent?.json()).toEqual({ body: "Lovely mix", timestampMs: null });
  });

  it("takes a typed moment, and refuses one past the end of the track before sending", async () => {
    const requests = recordApiRequests();
    const user = await renderStory(AsListener);
    const form = commentsRegion();
    const time = within(form).getByRole("textbox", { name: "Time in the track" });

    await user.type(within(form).getByRole("textbox", { name: "Comment" }), "The end!");
    await user.click(within(form).getByRole("checkbox", { name: "At a moment of the track" }));
    expect(time).toHaveValue("0:00");
    await user.clear(time);
    await user.type(time, "5:00");
    await user.click(within(form).getByRole("button", { name: "Post comment" }));

    expect(await within(form).findByText("The track is only 4:00 long.")).toBeInTheDocument();
    expect(requests.to(`/api/v1/tracks/${nightDrive.id}/comments`, "POST")).toHaveLength(0);

    await user.clear(time);
    await user.type(time, "3:59");
    await user.click(within(form).getByRole("button", { name: "Post comment" }));
    await waitFor(() => expect(listenerApi.social.state.comments[0]).toMatchObject({ timestampMs: 239_000 }));
    expect(within(await markers()).getByRole("button", { name: "Comment by Lin at 3:59" })).toBeInTheDocument();
  });

  it("deletes my own comment after asking; nobody else's offers Delete", async () => {
    const user = await renderStory(WithMyComment);
    const list = await commentList();
    expect(within(list).getAllByRole("button", { name: /^Delete comment/ })).toHaveLength(1);

    await user.click(within(list).getByRole("button", { name: "Delete comment by Lin" }));
    expect(within(list).getByRole("button", { name: "Keep it" })).toHaveFocus();
    await user.click(within(list).getByRole("button", { name: "Delete for good" }));

    await waitFor(() => expect(bodies(list)).not.toContain("The drop at two minutes 🔥"));
    expect(within(await markers()).queryByRole("button", { name: "Comment by Lin at 2:00" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "2 comments" })).toBeInTheDocument();
  });

  it("pages through many comments with Show more", async () => {
    const user = await renderStory(ManyComments);
    const list = await commentList();
    expect(within(list).getAllByRole("listitem")).toHaveLength(20);

    await user.click(screen.getByRole("button", { name: "Show more comments" }));

    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(25));
    expect(screen.queryByRole("button", { name: "Show more comments" })).not.toBeInTheDocument();
  });

  it("asks a visitor to sign in to comment, and still shows the comments", async () => {
    await renderStory(SignedOut);

    const comments = await screen.findByRole("region", { name: "Comments" });
    expect(await within(comments).findByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("textbox", { name: "Comment" })).not.toBeInTheDocument();
    expect(within(await commentList()).getAllByRole("listitem")).toHaveLength(2);
  });

  it("asks an unverified listener to verify their address first", async () => {
    await renderStory(Unverified);

    expect(await screen.findByText(/Verify your email address to comment/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Comment" })).not.toBeInTheDocument();
  });
});
