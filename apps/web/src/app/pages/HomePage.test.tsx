import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../.storybook/annotations.tsx";
import * as stories from "./HomePage.stories.tsx";

describe("HomePage", () => {
  it("renders its story with a heading and a welcome", () => {
    const { Default } = composeStories(stories, sharedAnnotations);
    render(<Default />);

    expect(screen.getByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    expect(screen.getByText(/stream music/i)).toBeInTheDocument();
  });
});
