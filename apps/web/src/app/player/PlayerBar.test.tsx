import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../.storybook/annotations.tsx";
import * as stories from "./PlayerBar.stories.tsx";
import { PlayerBar } from "./PlayerBar.tsx";

function expectIdlePlayer() {
  const player = screen.getByRole("contentinfo", { name: "Player" });
  expect(within(player).getByText("Nothing playing")).toBeInTheDocument();
  for (const name of ["Previous track", "Play", "Next track"]) {
    expect(within(player).getByRole("button", { name })).toBeDisabled();
  }
}

describe("PlayerBar", () => {
  it("says nothing is playing and offers no controls yet", () => {
    render(<PlayerBar />);
    expectIdlePlayer();
  });

  it("renders its story", () => {
    const { NothingPlaying } = composeStories(stories, sharedAnnotations);
    render(<NothingPlaying />);
    expectIdlePlayer();
  });
});
