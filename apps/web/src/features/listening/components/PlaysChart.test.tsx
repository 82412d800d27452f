import { composeStories } from "@storybook/react-vite";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { niceCeiling } from "../statsText.ts";
import * as stories from "./PlaysChart.stories.tsx";
import { PlaysChart } from "./PlaysChart.tsx";

const { Month, Year, NoPlays } = composeStories(stories, sharedAnnotations);

const bars = () => [...document.querySelectorAll<SVGRectElement>("rect.plays-chart__bar")];
const heightOf = (bar: SVGRectElement | undefined) => Number(bar?.getAttribute("height"));

describe("PlaysChart", () => {
  it("draws a bar per day, as tall as its plays on a round scale", () => {
    render(
      <PlaysChart
        label="Plays per day"
        daily={[
          { day: "2025-04-29", plays: 3 },
          { day: "2025-04-30", plays: 0 },
          { day: "2025-05-01", plays: 6, listeners: 4 },
        ]}
      />,
    );

    const chart = screen.getByRole("img", { name: "Plays per day" });
    expect(chart).toHaveAccessibleDescription(
      "9 plays from Apr 29, 2025 to May 1, 2025; the busiest day was May 1, 2025 with 6 plays.",
    );
    const [first, empty, last] = bars();
    expect(heightOf(empty)).toBe(0);
    // 6 plays on a scale of 10: 0.6 of the plot; 3 plays half of that.
    expect(heightOf(first) * 2).toBeCloseTo(heightOf(last));
    expect(last?.querySelector("title")?.textContent).toBe("May 1, 2025: 6 plays, 4 listeners");
    expect(first?.querySelector("title")?.textContent).toBe("Apr 29, 2025: 3 plays");
    expect(screen.getByText("10")).toBeInTheDocument();
    expect(screen.getByText("Apr 29")).toBeInTheDocument();
    expect(screen.getByText("May 1")).toBeInTheDocument();
  });

  it("fits a year of days, and an empty period", () => {
    const { unmount } = render(<Year />);
    expect(bars()).toHaveLength(365);
    expect(bars().every((bar) => heightOf(bar) >= 0 && Number(bar.getAttribute("width")) > 0)).toBe(true);
    unmount();

    render(<NoPlays />);
    expect(screen.getByRole("img")).toHaveAccessibleDescription(/^No plays from/);
    expect(bars().every((bar) => heightOf(bar) === 0)).toBe(true);
  });

  it("renders its month story", () => {
    render(<Month />);
    expect(bars()).toHaveLength(30);
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 6, 10, 11, 42, 230, 999].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 500, 1000]);
  });
});
