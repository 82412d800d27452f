import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { CurrentLocation } from "../../../test/CurrentLocation.tsx";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./HistoryPage.stories.tsx";

const { Recent, Empty } = composeStories(stories, sharedAnnotations);
const { historyApi, listener } = stories;

async function renderHistory() {
  applyStoryHandlers(Recent.parameters);
  render(<Recent />);
  const list = await screen.findByRole("list", { name: "Recently played" });
  return { user: userEvent.setup(), list };
}

const entries = (list: HTMLElement) => within(list).getAllByRole("listitem");

describe("HistoryPage", () => {
  it("lists my plays newest first: track, creator, when and how long I listened", async () => {
    const { list } = await renderHistory();

    expect(screen.getByRole("heading", { level: 1, name: "Recently played" })).toBeInTheDocument();
    expect(entries(list)).toHaveLength(20);
    const first = entries(list)[0] as HTMLElement;
    expect(within(first).getByRole("link", { name: "Night Drive" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/tracks\//),
    );
    expect(within(first).getByRole("link", { name: "Mira Sol" })).toHaveAttribute("href", "/creators/mira");
    expect(within(first).getByText("Listened")).toBeInTheDocument();
    expect(first).toHaveTextContent("1:00");
    expect(within(first).getByRole("button", { name: "Play Night Drive" })).toBeEnabled();
    const times = within(list)
      .getAllByRole("time")
      .map((time) => time.getAttribute("datetime") ?? "");
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("loads older plays with Show more, and shows a track gone private as unavailable", async () => {
    const { user, list } = await renderHistory();

    await user.click(screen.getByRole("button", { name: "Show more" }));

    await waitFor(() => expect(entries(list)).toHaveLength(25));
    expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
    const unavailable = screen.getByRole("listitem", { name: "Unavailable track" });
    expect(unavailable).toHaveTextContent("This track is no longer available to you.");
    expect(unavailable).not.toHaveTextContent("Withdrawn Demo");
    expect(within(unavailable).queryByRole("link")).not.toBeInTheDocument();
    expect(within(unavailable).getByRole("button", { name: "Remove Unavailable track from history" })).toBeEnabled();
  });

  it("removes one play from the history", async () => {
    const requests = recordApiRequests();
    const { user, list } = await renderHistory();
    const second = entries(list)[1] as HTMLElement;
    const title = second.getAttribute("aria-label") ?? "";

    await user.click(within(second).getByRole("button", { name: `Remove ${title} from history` }));

    await waitFor(() => expect(entries(list)).toHaveLength(19));
    expect(requests.to(/^\/api\/v1\/me\/history\/[^/]+$/, "DELETE")).toHaveLength(1);
    expect(historyApi.listening.state.history.filter((entry) => entry.userId === listener.id)).toHaveLength(24);
  });

  it("says so when a removal fails", async () => {
    const { user, list } = await renderHistory();
    server.use(http.delete("/api/v1/me/history/:entryId", () => errorResponse("NOT_FOUND", "History entry not found")));

    await user.click(within(entries(list)[0] as HTMLElement).getByRole("button", { name: /^Remove / }));

    expect(await screen.findByRole("alert")).toHaveTextContent("That play wasn't removed. History entry not found");
    expect(entries(list)).toHaveLength(20);
  });

  it("clears the whole history only after confirmation", async () => {
    const requests = recordApiRequests();
    const { user } = await renderHistory();

    await user.click(screen.getByRole("button", { name: "Clear history" }));
    expect(screen.getByRole("button", { name: "Keep it" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Keep it" }));
    expect(requests.to("/api/v1/me/history", "DELETE")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Clear history" }));
    expect(screen.getByRole("group", { name: /Clear your whole listening history\?/ })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear everything" }));

    expect(await screen.findByText(/Nothing here yet/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Recently played" })).not.toBeInTheDocument();
    expect(requests.to("/api/v1/me/history", "DELETE")).toHaveLength(1);
  });

  it("says nothing has been played yet", async () => {
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);
    expect(await screen.findByText("Nothing here yet. The tracks you play will show up here.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear history" })).not.toBeInTheDocument();
  });

  it("sends a signed-out visitor to sign in", async () => {
    renderWithProviders(
      <>
        <AppRoutes />
        <CurrentLocation />
      </>,
      { route: "/library/history" },
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByTestId("current-location")).toHaveTextContent(/^\/login$/);
  });

  it("is the History tab of the library", async () => {
    await renderHistory();
    const tabs = screen.getByRole("navigation", { name: "Library" });
    expect(within(tabs).getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");
    expect(within(tabs).getByRole("link", { name: "Playlists" })).toHaveAttribute("href", "/library");
  });
});
