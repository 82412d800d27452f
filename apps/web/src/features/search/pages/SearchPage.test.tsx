import type { Track } from "@stave/contracts";
import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildPianoSketches } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { CurrentLocation, currentUrl } from "../../../test/CurrentLocation.tsx";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { searchCatalogApi } from "../searchStoryMocks.ts";
import * as stories from "./SearchPage.stories.tsx";

const { AllTab, TracksTab, CorrectedQuery, Empty, EmptyWithFilter, ServerError, NoQuery } = composeStories(
  stories,
  sharedAnnotations,
);

/** The app at `route` over the search catalogue (plus `extraTracks`), with the current URL on show. */
function renderApp(route: string, extraTracks: Track[] = []) {
  const api = searchCatalogApi(extraTracks);
  server.use(...api.handlers);
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <AppRoutes />
      <CurrentLocation />
    </>,
    { route },
  );
  return { user, api, location: () => currentUrl(screen.getByTestId("current-location")) };
}

const tab = (name: string) => screen.getByRole("tab", { name });
const titlesIn = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => within(item).getAllByRole("link")[0]?.textContent);
const searchRequests = (requests: ReturnType<typeof recordApiRequests>) =>
  requests.to("/api/v1/search").map((request) => request.searchParams);

describe("SearchPage", () => {
  it("reads the query and the tab from the URL", async () => {
    const requests = recordApiRequests();
    renderApp("/search?q=zoe&type=tracks");

    expect(screen.getByRole("heading", { level: 1, name: "Results for “zoe”" })).toBeInTheDocument();
    expect(tab("Tracks")).toHaveAttribute("aria-selected", "true");
    expect(tab("All")).toHaveAttribute("aria-selected", "false");
    const list = await screen.findByRole("list", { name: "Tracks" });
    expect(titlesIn(list).sort()).toEqual(["Café Noir", "Nuit Blanche", "Été Indien"].sort());
    expect(screen.getByRole("tabpanel", { name: "Tracks" })).toContainElement(list);
    expect(screen.getByRole("combobox", { name: "Search" })).toHaveValue("zoe");
    expect(searchRequests(requests)[0]?.get("type")).toBe("tracks");
  });

  it("shows a few of each type on the All tab, with playable tracks and links to see all", async () => {
    const { user, location } = renderApp("/search?q=piano");

    const tracks = await screen.findByRole("list", { name: "Tracks" });
    expect(within(tracks).getAllByRole("listitem")).toHaveLength(5);
    expect(within(tracks).getByRole("button", { name: "Play Moonlight Sonata" })).toBeEnabled();
    expect(within(tracks).getByRole("link", { name: "Moonlight Sonata" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/tracks\//),
    );
    const creators = screen.getByRole("list", { name: "Creators" });
    expect(within(creators).getByRole("link", { name: "Ludwig Piano Covers" })).toHaveAttribute(
      "href",
      "/creators/ludwig",
    );
    expect(within(creators).getByText("6 tracks")).toBeInTheDocument();
    const playlists = screen.getByRole("list", { name: "Playlists" });
    const playlist = within(playlists).getByRole("link", { name: "Piano for Rainy Days" });
    expect(playlist.getAttribute("href")).toMatch(/^\/playlists\//);
    expect(within(playlist.closest("li") as HTMLElement).getByText("6 tracks")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "See all creators" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "See all tracks" }));

    expect(tab("Tracks")).toHaveAttribute("aria-selected", "true");
    expect(location().searchParams.get("type")).toBe("tracks");
    expect(within(await screen.findByRole("list", { name: "Tracks" })).getAllByRole("listitem")).toHaveLength(6);
  });

  it("switches tabs by click and by arrow keys, and Back returns to the previous tab", async () => {
    const { user, location } = renderApp("/search?q=m");
    await screen.findByRole("list", { name: "Tracks" });

    await user.click(tab("Creators"));
    expect(tab("Creators")).toHaveAttribute("aria-selected", "true");
    expect(location().searchParams.get("type")).toBe("creators");
    const creators = await screen.findByRole("list", { name: "Creators" });
    expect(titlesIn(creators)).toEqual(expect.arrayContaining(["Mira Sol", "Zoé Martin"]));
    expect(screen.queryByRole("list", { name: "Tracks" })).not.toBeInTheDocument();

    await user.keyboard("{ArrowRight}");
    expect(tab("Playlists")).toHaveFocus();
    expect(tab("Playlists")).toHaveAttribute("aria-selected", "true");
    expect(location().searchParams.get("type")).toBe("playlists");
    expect(await screen.findByRole("list", { name: "Playlists" })).toBeInTheDocument();

    await user.keyboard("{ArrowRight}");
    expect(tab("All")).toHaveFocus();
    expect(location().searchParams.has("type")).toBe(false);
    await user.keyboard("{End}");
    expect(tab("Playlists")).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(tab("Creators")).toHaveAttribute("aria-selected", "true");
    // One tab stop: only the selected tab is in the Tab order.
    expect(screen.getAllByRole("tab").filter((element) => element.tabIndex === 0)).toEqual([tab("Creators")]);

    await user.click(tab("Tracks"));
    expect(tab("Tracks")).toHaveAttribute("aria-selected", "true");

    await user.click(screen.getByRole("button", { name: "Browser back" }));
    expect(tab("Creators")).toHaveAttribute("aria-selected", "true");
    expect(location().searchParams.get("type")).toBe("creators");
    await user.click(screen.getByRole("button", { name: "Browser back" }));
    expect(tab("Playlists")).toHaveAttribute("aria-selected", "true");
  });

  it("applies genre and tag filters: the URL and the request carry them; Back and “Clear filters” remove them", async () => {
    const requests = recordApiRequests();
    const { user, location } = renderApp("/search?q=night&type=tracks");
    expect(titlesIn(await screen.findByRole("list", { name: "Tracks" }))).toEqual(
      expect.arrayContaining(["Night Drive", "Café Noir", "Night Bus Home", "Nuit Blanche"]),
    );

    await user.type(screen.getByLabelText("Genre"), "Jazz");
    await user.click(screen.getByRole("button", { name: "Filter tracks" }));

    await waitFor(() => expect(location().searchParams.get("genre")).toBe("Jazz"));
    expect(location().searchParams.get("type")).toBe("tracks");
    await waitFor(() => expect(titlesIn(screen.getByRole("list", { name: "Tracks" }))).toEqual(["Café Noir"]));
    expect(searchRequests(requests).at(-1)?.get("genre")).toBe("Jazz");
    expect(screen.getByLabelText("Genre")).toHaveValue("Jazz");

    await user.click(screen.getByRole("button", { name: "Browser back" }));

    await waitFor(() => expect(location().searchParams.has("genre")).toBe(false));
    expect(screen.getByLabelText("Genre")).toHaveValue("");
    expect(await screen.findByRole("link", { name: "Night Drive" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear filters" })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("Tag"), "city");
    await user.click(screen.getByRole("button", { name: "Filter tracks" }));
    await waitFor(() => expect(titlesIn(screen.getByRole("list", { name: "Tracks" }))).toEqual(["Night Bus Home"]));
    expect(searchRequests(requests).at(-1)?.get("tag")).toBe("city");

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(location().searchParams.has("tag")).toBe(false));
    expect(screen.getByLabelText("Tag")).toHaveValue("");
  });

  it("shows the filters a link carries", async () => {
    renderApp("/search?q=piano&type=tracks&tag=calm");

    expect(screen.getByLabelText("Tag")).toHaveValue("calm");
    expect(titlesIn(await screen.findByRole("list", { name: "Tracks" }))).toEqual(["Gymnopédie No. 1"]);
  });

  it("loads more results with the section's cursor", async () => {
    const requests = recordApiRequests();
    const { user } = renderApp("/search?q=piano&type=tracks", buildPianoSketches(24));
    const list = await screen.findByRole("list", { name: "Tracks" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(20);

    await user.click(screen.getByRole("button", { name: "Load more" }));

    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(30));
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
    const [first, second] = searchRequests(requests);
    expect(first?.has("cursor")).toBe(false);
    expect(second?.get("cursor")).toBe("20");
    expect(second?.get("type")).toBe("tracks");
  });

  it("says when the query was corrected", async () => {
    applyStoryHandlers(CorrectedQuery.parameters);
    render(<CorrectedQuery />);

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Showing results for beethoven (you searched for “beethovn”).",
    );
    expect(within(screen.getByRole("list", { name: "Tracks" })).getByRole("link", { name: "Für Elise" })).toBeVisible();
  });

  it("says plainly when nothing matches", async () => {
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);

    expect(await screen.findByText("Nothing matches “xylophone”.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Tracks" })).not.toBeInTheDocument();
  });

  it("names the filter when only the filter leaves nothing", async () => {
    applyStoryHandlers(EmptyWithFilter.parameters);
    render(<EmptyWithFilter />);

    expect(await screen.findByText("No tracks match “night” in the genre “Polka”.")).toBeInTheDocument();
  });

  it("shows a failed search as an error with a retry", async () => {
    applyStoryHandlers(ServerError.parameters);
    render(<ServerError />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("We couldn't load the results. Something went wrong on our side.");

    // The server recovers.
    server.use(...searchCatalogApi().handlers);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("list", { name: "Tracks" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("asks for something to search for at /search", () => {
    const requests = recordApiRequests();
    applyStoryHandlers(NoQuery.parameters);
    render(<NoQuery />);

    expect(screen.getByRole("heading", { level: 1, name: "Search" })).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
    expect(requests.to("/api/v1/search")).toHaveLength(0);
  });

  it("AllTab story lists what matches “night”", async () => {
    applyStoryHandlers(AllTab.parameters);
    render(<AllTab />);

    const tracks = await screen.findByRole("list", { name: "Tracks" });
    expect(within(tracks).getByRole("link", { name: "Night Drive" })).toBeInTheDocument();
    expect(
      within(screen.getByRole("list", { name: "Playlists" })).getByRole("link", { name: "Night Drives" }),
    ).toBeVisible();
  });

  it("TracksTab story shows the first twenty tracks and offers more", async () => {
    applyStoryHandlers(TracksTab.parameters);
    render(<TracksTab />);

    expect(within(await screen.findByRole("list", { name: "Tracks" })).getAllByRole("listitem")).toHaveLength(20);
    expect(screen.getByRole("button", { name: "Load more" })).toBeEnabled();
  });
});
