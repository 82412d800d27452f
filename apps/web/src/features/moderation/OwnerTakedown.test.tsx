import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../app/AppRoutes.tsx";
import { renderWithProviders } from "../../test/renderWithProviders.tsx";
import { applyStoryHandlers } from "../../test/storyMocks.ts";
import { listener, moderationApi, takenDownPlaylist, takenDownTrack } from "./moderationStoryMocks.ts";
import * as stories from "./OwnerTakedown.stories.tsx";

const { TrackTakenDown, OwnerSuspended, MyTracks, PlaylistTakenDown, CommentTakenDown, AsListener } = composeStories(
  stories,
  sharedAnnotations,
);

function renderStory(Story: typeof TrackTakenDown) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

describe("What owners see of their hidden content", () => {
  it("a taken-down track's page tells its owner why, and that only they see it", async () => {
    renderStory(TrackTakenDown);

    expect(await screen.findByRole("heading", { level: 1, name: takenDownTrack.title })).toBeInTheDocument();
    expect(
      screen.getByText(
        "This track was taken down after a copyright claim: Claimed by Example Records: it uses their master.",
        {
          exact: false,
        },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Only you can see it\./)).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Manage this track" })).getByText("Hidden")).toBeInTheDocument();
    expect(within(screen.getByRole("article")).queryByRole("button", { name: /^Play/ })).not.toBeInTheDocument();
  });

  it("a track hidden by the suspension says the account is suspended", async () => {
    renderStory(OwnerSuspended);

    expect(
      await screen.findByText(/Your account is suspended, so this track is hidden from everyone but you\./),
    ).toBeInTheDocument();
  });

  it("the owner's track list explains each hidden track", async () => {
    renderStory(MyTracks);

    const list = await screen.findByRole("list", { name: "My tracks" });
    const item = (title: string) => within(within(list).getByRole("listitem", { name: title }));
    expect(
      item("Borrowed Beat").getByText(/taken down after a copyright claim: Claimed by Example Records/),
    ).toBeInTheDocument();
    expect(item("Quiet Hours").getByText(/Your account is suspended/)).toBeInTheDocument();
    expect(item("Morning Light").queryByText(/Hidden\./)).not.toBeInTheDocument();
  });

  it("a taken-down playlist tells its owner why; anyone else finds nothing", async () => {
    renderStory(PlaylistTakenDown);
    expect(await screen.findByRole("heading", { level: 1, name: takenDownPlaylist.title })).toBeInTheDocument();
    expect(
      screen.getByText(/A moderator took this playlist down: Shares tracks their creators have not released\./),
    ).toBeInTheDocument();
  });

  it("hides a taken-down playlist from everyone else", async () => {
    applyStoryHandlers({ msw: { handlers: moderationApi(listener).handlersByDomain } });
    renderWithProviders(<AppRoutes />, { route: `/playlists/${takenDownPlaylist.id}` });
    expect(await screen.findByRole("heading", { level: 1, name: "Playlist not found" })).toBeInTheDocument();
  });

  it("a taken-down comment stays for its author with the reason, and is gone for everyone else", async () => {
    renderStory(CommentTakenDown);
    const comments = await screen.findByRole("list", { name: "Comments" });
    const mine = within(within(comments).getByText("You all are idiots").closest("li") as HTMLElement);
    expect(mine.getByText(/A moderator took this comment down: Insults other listeners\./)).toBeInTheDocument();
    expect(mine.queryByRole("button", { name: /^Report/ })).not.toBeInTheDocument();
  });

  it("shows other listeners the track's comments without the taken-down one", async () => {
    renderStory(AsListener);
    const comments = await screen.findByRole("list", { name: "Comments" });
    expect(within(comments).getAllByRole("listitem")).toHaveLength(1);
    expect(within(comments).queryByText("You all are idiots")).not.toBeInTheDocument();
  });
});
