import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { delay, http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { server } from "../../../mocks/server.ts";
import { CurrentLocation, currentUrl } from "../../../test/CurrentLocation.tsx";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { searchCatalogApi } from "../searchStoryMocks.ts";
import * as stories from "./SearchBox.stories.tsx";

const { WithSuggestions, ActiveSuggestion, SuggestionsUnavailable } = composeStories(stories, sharedAnnotations);

/** The app at `route` over the search catalogue, with the current URL on show. */
function renderApp(route = "/") {
  server.use(...searchCatalogApi().handlers);
  const user = userEvent.setup();
  renderWithProviders(
    <>
      <AppRoutes />
      <CurrentLocation />
    </>,
    { route },
  );
  const box = screen.getByRole("combobox", { name: "Search" });
  return { user, box, location: () => currentUrl(screen.getByTestId("current-location")) };
}

const listbox = () => screen.findByRole("listbox", { name: "Suggestions" });
const optionNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole("option")
    .map((option) => option.textContent);

describe("SearchBox", () => {
  it("suggests tracks and creators as you type", async () => {
    const { user, box } = renderApp();

    await user.type(box, "zoe");

    const list = await listbox();
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(box).toHaveAttribute("aria-controls", list.id);
    expect(within(list).getByRole("option", { name: /Zoé Martin\s*Creator · @zoe/ })).toBeInTheDocument();
    expect(within(list).queryByRole("option", { name: /Night Drive/ })).not.toBeInTheDocument();
  });

  it("waits for a pause in typing before asking for suggestions", async () => {
    const requests = recordApiRequests();
    const { user, box } = renderApp();

    await user.type(box, "moonlight");
    const list = await listbox();

    expect(optionNames(list)).toEqual(["Moonlight SonataTrack · Ludwig Piano Covers"]);
    const sent = requests.to("/api/v1/search/suggestions");
    expect(sent.length).toBeLessThan("moonlight".length);
    expect(sent.at(-1)?.searchParams.get("q")).toBe("moonlight");
  });

  it("keeps the last suggestions up while the next load, and abandons requests for outdated text", async () => {
    const { user, box } = renderApp();
    const requests = recordApiRequests();
    let abandoned = false;
    server.use(
      http.get("/api/v1/search/suggestions", async ({ request }) => {
        if (new URL(request.url).searchParams.get("q") !== "ni") return undefined;
        request.signal.addEventListener("abort", () => {
          abandoned = true;
        });
        await delay("infinite");
      }),
    );
    await user.type(box, "n");
    expect(within(await listbox()).getByRole("option", { name: /Nuit Blanche/ })).toBeInTheDocument();

    await user.type(box, "i");
    const sentFor = (q: string) =>
      requests.to("/api/v1/search/suggestions").filter((r) => r.searchParams.get("q") === q);
    await waitFor(() => expect(sentFor("ni")).toHaveLength(1));
    // "ni" has not answered: the suggestions for "n" are still there to choose from.
    expect(within(await listbox()).getByRole("option", { name: /Nuit Blanche/ })).toBeInTheDocument();

    await user.type(box, "ght");
    await waitFor(() =>
      expect(
        within(screen.getByRole("listbox")).queryByRole("option", { name: /Nuit Blanche/ }),
      ).not.toBeInTheDocument(),
    );
    expect(within(screen.getByRole("listbox")).getByRole("option", { name: /Night Drive/ })).toBeInTheDocument();
    expect(abandoned).toBe(true);
  });

  it("moves through the suggestions with the arrow keys and opens the track with Enter", async () => {
    const { user, box, location } = renderApp();
    await user.type(box, "n");
    const list = await listbox();
    const options = within(list).getAllByRole("option");
    expect(options.length).toBeGreaterThan(2);

    await user.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", options[0]?.id);
    expect(options[0]).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(box).toHaveAttribute("aria-activedescendant", options[1]?.id);
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(options[0]).toHaveAttribute("aria-selected", "false");

    // Up from the first wraps to the last.
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(box).toHaveAttribute("aria-activedescendant", options.at(-1)?.id);

    const chosen = options[1]?.querySelector(".search-box__option-title")?.textContent ?? "";
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: chosen })).toBeInTheDocument();
    expect(location().pathname).toMatch(/^\/tracks\//);
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(box).toHaveValue("");
  });

  it("opens a creator's page from a creator suggestion", async () => {
    const { user, box, location } = renderApp();
    await user.type(box, "ludw");
    await listbox();

    await user.keyboard("{ArrowDown}{Enter}");

    expect(location().pathname).toBe("/creators/ludwig");
    expect(await screen.findByRole("heading", { level: 1, name: "Ludwig Piano Covers" })).toBeInTheDocument();
  });

  it("opens a suggestion when it is clicked", async () => {
    const { user, box, location } = renderApp();
    await user.type(box, "cafe");

    await user.click(within(await listbox()).getByRole("option", { name: /Café Noir/ }));

    expect(await screen.findByRole("heading", { level: 1, name: "Café Noir" })).toBeInTheDocument();
    expect(location().pathname).toMatch(/^\/tracks\//);
  });

  it("goes to the results page with Enter when no suggestion is chosen", async () => {
    const { user, box, location } = renderApp();
    await user.type(box, "night");
    await listbox();

    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Results for “night”" })).toBeInTheDocument();
    expect(location().pathname).toBe("/search");
    expect(location().searchParams.get("q")).toBe("night");
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(box).toHaveValue("night");
  });

  it("closes with Escape, keeping the text, and Arrow Down opens it again", async () => {
    const { user, box } = renderApp();
    await user.type(box, "night");
    await listbox();

    await user.keyboard("{Escape}");

    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(box).toHaveValue("night");
    expect(box).toHaveFocus();

    await user.keyboard("{ArrowDown}");
    const options = within(await listbox()).getAllByRole("option");
    expect(options[0]).toHaveAttribute("aria-selected", "true");
  });

  it("closes when you click elsewhere on the page", async () => {
    const { user, box } = renderApp();
    await user.type(box, "night");
    await listbox();

    await user.click(screen.getByRole("heading", { level: 1, name: "Welcome" }));

    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(box).toHaveAttribute("aria-expanded", "false");
  });

  it("takes the focus when “/” is pressed, unless you are typing somewhere else", async () => {
    const { user, box } = renderApp("/search?q=night");
    const genre = await screen.findByLabelText("Genre");

    await user.click(genre);
    await user.keyboard("a/b");
    expect(genre).toHaveValue("a/b");
    expect(box).not.toHaveFocus();

    await user.click(screen.getByRole("heading", { level: 1 }));
    await user.keyboard("/");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("night");
  });

  it("stays quiet when suggestions fail, and Enter still searches", async () => {
    applyStoryHandlers(SuggestionsUnavailable.parameters);
    const user = userEvent.setup();
    render(<SuggestionsUnavailable />);
    const box = screen.getByRole("combobox", { name: "Search" });

    await user.type(box, "night");
    await waitFor(() => expect(box).toHaveAttribute("aria-expanded", "false"));
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Results for “night”" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("SearchBox stories", () => {
  it("WithSuggestions shows the suggestions for what was typed", async () => {
    applyStoryHandlers(WithSuggestions.parameters);
    const { container } = render(<WithSuggestions />);

    await WithSuggestions.play?.({ canvasElement: container });

    const list = screen.getByRole("listbox", { name: "Suggestions" });
    expect(within(list).getByRole("option", { name: /Mira Sol\s*Creator · @mira/ })).toBeInTheDocument();
    expect(
      within(list).getByRole("option", { name: /Moonlight Sonata\s*Track · Ludwig Piano Covers/ }),
    ).toBeInTheDocument();
  });

  it("ActiveSuggestion marks the first suggestion as the active one", async () => {
    applyStoryHandlers(ActiveSuggestion.parameters);
    const { container } = render(<ActiveSuggestion />);

    await ActiveSuggestion.play?.({ canvasElement: container });

    expect(screen.getByRole("option", { name: /Moonlight Sonata/ })).toHaveAttribute("aria-selected", "true");
  });
});
