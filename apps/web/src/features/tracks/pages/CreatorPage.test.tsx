import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { stubMediaPlayback } from "../../../test/media.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./CreatorPage.stories.tsx";

vi.mock("../../../player/hlsSource.ts", () => import("../../../test/fakeHlsSource.ts"));

const { PublicTracks, OwnPage, UnknownCreator } = composeStories(stories, sharedAnnotations);

afterEach(() => vi.restoreAllMocks());

describe("CreatorPage", () => {
  it("lists a creator's public tracks with play buttons", async () => {
    applyStoryHandlers(PublicTracks.parameters);
    render(<PublicTracks />);

    expect(await screen.findByRole("heading", { level: 1, name: "Mira Sol" })).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Tracks by Mira Sol" });
    const titles = within(list)
      .getAllByRole("link")
      .map((link) => link.textContent);
    expect(titles).toEqual(["Night Drive", "Low Tide"]);
    expect(within(list).getByRole("button", { name: "Play Low Tide" })).toBeEnabled();
  });

  it("shows the creator themselves every track, processing ones too", async () => {
    applyStoryHandlers(OwnPage.parameters);
    render(<OwnPage />);

    expect(await screen.findByRole("heading", { level: 2, name: "Your tracks" })).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Tracks by Ada Lovelace" });
    expect(within(list).getByRole("button", { name: "Play Ada's Song" })).toBeEnabled();
    expect(within(list).getByRole("button", { name: "Play Ada's Work in Progress" })).toBeDisabled();
  });

  it("queues only the tracks that can play", async () => {
    stubMediaPlayback();
    const user = userEvent.setup();
    applyStoryHandlers(OwnPage.parameters);
    render(<OwnPage />);
    const list = await screen.findByRole("list", { name: "Tracks by Ada Lovelace" });

    await user.click(within(list).getByRole("button", { name: "Play Ada's Song" }));

    const player = within(screen.getByRole("contentinfo", { name: "Player" }));
    expect(player.getByRole("link", { name: "Ada's Song" })).toBeInTheDocument();
    // The one still processing is not in the queue.
    expect(player.getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("says when there is no such creator", async () => {
    applyStoryHandlers(UnknownCreator.parameters);
    render(<UnknownCreator />);

    expect(await screen.findByRole("heading", { level: 1, name: "Creator not found" })).toBeInTheDocument();
  });
});
