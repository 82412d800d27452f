import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../.storybook/annotations.tsx";
import { errorResponse } from "../../mocks/handlers.ts";
import { server } from "../../mocks/server.ts";
import { applyStoryHandlers } from "../../test/storyMocks.ts";
import * as stories from "./HomePage.stories.tsx";

const { Default, NoTracksYet } = composeStories(stories, sharedAnnotations);

describe("HomePage", () => {
  it("renders its story with a heading and a welcome", () => {
    render(<Default />);

    expect(screen.getByRole("heading", { level: 1, name: "Welcome" })).toBeInTheDocument();
    expect(screen.getByText(/stream music/i)).toBeInTheDocument();
  });

  it("lists the latest public tracks, each with its creator and a play button", async () => {
    render(<Default />);

    const list = await screen.findByRole("list", { name: "Latest tracks" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(within(items[0] as HTMLElement).getByRole("link", { name: "Night Drive" })).toBeInTheDocument();
    expect(within(items[0] as HTMLElement).getByRole("link", { name: "Mira Sol" })).toHaveAttribute(
      "href",
      "/creators/mira",
    );
    expect(within(items[0] as HTMLElement).getByText("3:34")).toBeInTheDocument();
    expect(within(list).getByRole("button", { name: "Play Paper Planes" })).toBeEnabled();
  });

  it("says when nothing has been published yet", async () => {
    applyStoryHandlers(NoTracksYet.parameters);
    render(<NoTracksYet />);

    expect(await screen.findByText(/no public tracks have been published/i)).toBeInTheDocument();
  });

  it("shows a failure to load the list with a retry", async () => {
    server.use(http.get("/api/v1/tracks", () => errorResponse("SERVICE_UNAVAILABLE", "Starting up")));
    render(<Default />);

    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't load the tracks.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
