import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { dayBefore, errorResponse, MOCK_TODAY } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./StatsPage.stories.tsx";

const { LastMonth, OneTrack, NoPlays, Listener } = composeStories(stories, sharedAnnotations);
const { playDays, statsTracks } = stories;

const chart = (name: string) => screen.getByRole("img", { name });
const barsOf = (svg: HTMLElement) => [...svg.querySelectorAll<SVGRectElement>("rect.plays-chart__bar")];
/** The figure next to a total's name ("Plays", "Listeners"). */
const totalOf = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

/** Plays of `trackIds` booked in the last `days` (the fixtures' year). */
function playsIn(days: number, trackIds = statsTracks.map((track) => track.id)) {
  const from = dayBefore(MOCK_TODAY, days - 1);
  return playDays
    .filter((row) => trackIds.includes(row.trackId) && row.day >= from)
    .reduce((sum, row) => sum + row.plays, 0);
}

async function renderStats() {
  applyStoryHandlers(LastMonth.parameters);
  render(<LastMonth />);
  await screen.findByRole("img", { name: "Plays per day, all tracks" });
  return userEvent.setup();
}

describe("StatsPage", () => {
  it("charts the last 30 days of plays, with totals and top tracks", async () => {
    await renderStats();

    const bars = barsOf(chart("Plays per day, all tracks"));
    expect(bars).toHaveLength(30);
    expect(bars.at(-1)?.getAttribute("data-day")).toBe(MOCK_TODAY);
    const charted = bars.reduce((sum, bar) => sum + Number(bar.getAttribute("data-plays")), 0);
    expect(charted).toBe(playsIn(30));
    expect(screen.getByRole("radio", { name: "30 days" })).toBeChecked();

    expect(totalOf("Plays")).toBe(playsIn(30).toLocaleString("en"));
    expect(Number(totalOf("Listeners")?.replaceAll(",", ""))).toBeGreaterThan(0);

    const table = screen.getByRole("table", { name: "Top tracks" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "Northern Lights",
      "Tidal",
      "First Demo",
    ]);
    const [northern] = statsTracks;
    expect(rows[0]).toHaveTextContent(playsIn(30, [northern?.id ?? ""]).toLocaleString("en"));
  });

  it("switches the period to 7 days and to 12 months", async () => {
    const requests = recordApiRequests();
    const user = await renderStats();

    await user.click(screen.getByRole("radio", { name: "7 days" }));
    await waitFor(() => expect(barsOf(chart("Plays per day, all tracks"))).toHaveLength(7));
    expect(requests.to("/api/v1/me/stats").map((request) => request.searchParams.get("days"))).toContain("7");

    await user.click(screen.getByRole("radio", { name: "12 months" }));
    await waitFor(() => expect(barsOf(chart("Plays per day, all tracks"))).toHaveLength(365));
    expect(screen.getByRole("img", { name: "Plays per day, all tracks" })).toHaveAccessibleDescription(
      new RegExp(`^${playsIn(365).toLocaleString("en")} plays from`),
    );
  });

  it("charts one track on its own, and goes back to all tracks", async () => {
    const user = await renderStats();
    const table = screen.getByRole("table", { name: "Top tracks" });

    await user.click(within(table).getByRole("button", { name: "Chart Tidal" }));

    const trackChart = await screen.findByRole("img", { name: "Plays per day of Tidal" });
    expect(barsOf(trackChart)).toHaveLength(30);
    expect(screen.getByRole("heading", { level: 2, name: "Tidal" })).toBeInTheDocument();
    expect(within(table).getByRole("button", { name: "Chart Tidal" })).toHaveAttribute("aria-pressed", "true");
    const [, tidal] = statsTracks;
    expect(
      screen.getByText(new RegExp(`^${playsIn(30, [tidal?.id ?? ""]).toLocaleString("en")} plays,`)),
    ).toBeInTheDocument();
    // Each bar names its day, plays and listeners on hover.
    expect(barsOf(trackChart).at(-1)?.querySelector("title")?.textContent).toMatch(
      /^May 1, 2025: [\d,]+ plays?, [\d,]+ listeners?$/,
    );

    await user.click(screen.getByRole("button", { name: "All tracks" }));
    expect(await screen.findByRole("img", { name: "Plays per day, all tracks" })).toBeInTheDocument();
  });

  it("opens on the track and period in the URL", async () => {
    applyStoryHandlers(OneTrack.parameters);
    render(<OneTrack />);
    expect(await screen.findByRole("img", { name: "Plays per day of Tidal" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "30 days" })).toBeChecked();
  });

  it("says when nothing has been counted yet", async () => {
    applyStoryHandlers(NoPlays.parameters);
    render(<NoPlays />);
    expect(await screen.findByText(/No counted plays in this period yet/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Top tracks" })).not.toBeInTheDocument();
    expect(chart("Plays per day, all tracks")).toHaveAccessibleDescription(/^No plays from/);
  });

  it("tells a listener stats are for creators, without asking for them", async () => {
    const requests = recordApiRequests();
    applyStoryHandlers(Listener.parameters);
    render(<Listener />);
    expect(await screen.findByRole("link", { name: "Become a creator" })).toHaveAttribute("href", "/settings");
    expect(requests.to("/api/v1/me/stats")).toHaveLength(0);
  });

  it("says so when the stats cannot be loaded, and tries again", async () => {
    applyStoryHandlers(LastMonth.parameters);
    server.use(http.get("/api/v1/me/stats", () => errorResponse("INTERNAL", "Something went wrong"), { once: true }));
    const user = userEvent.setup();
    render(<LastMonth />);

    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't load your stats.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("img", { name: "Plays per day, all tracks" })).toBeInTheDocument();
  });

  it("is linked from a creator's account menu", async () => {
    await renderStats();
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Stats" })).toHaveAttribute("href", "/stats");
  });
});
