import { composeStories } from "@storybook/react-vite";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import * as stories from "./Waveform.stories.tsx";
import { Waveform } from "./Waveform.tsx";
import { playedBars, waveformBars } from "./waveformBars.ts";

const { NotStarted, PartlyPlayed, FewBars } = composeStories(stories, sharedAnnotations);

const peaks = Array.from({ length: 1000 }, (_, index) => (index % 10) / 10);
const bars = (container: HTMLElement) => container.querySelectorAll("rect");
const played = (container: HTMLElement) => container.querySelectorAll('rect[data-played="true"]');

function renderWaveform(props: Partial<Parameters<typeof Waveform>[0]> = {}) {
  const onSeek = vi.fn();
  const result = render(
    <Waveform
      peaks={peaks}
      duration={200}
      currentTime={50}
      onSeek={onSeek}
      label="Position in Night Drive"
      {...props}
    />,
  );
  const slider = screen.getByRole("slider", { name: "Position in Night Drive" });
  return { ...result, onSeek, slider };
}

describe("Waveform", () => {
  it("draws the peaks as bars and colours the part played so far", () => {
    const { container, rerender, onSeek } = renderWaveform({ bars: 100 });

    expect(bars(container)).toHaveLength(100);
    expect(played(container)).toHaveLength(25);

    rerender(<Waveform peaks={peaks} duration={200} currentTime={150} onSeek={onSeek} bars={100} />);
    expect(played(container)).toHaveLength(75);
    rerender(<Waveform peaks={peaks} duration={200} currentTime={200} onSeek={onSeek} bars={100} />);
    expect(played(container)).toHaveLength(100);
  });

  it("is a slider reporting the position in seconds", () => {
    const { slider } = renderWaveform({ currentTime: 65.4 });

    expect(slider).toHaveAttribute("aria-valuemin", "0");
    expect(slider).toHaveAttribute("aria-valuemax", "200");
    expect(slider).toHaveAttribute("aria-valuenow", "65");
    expect(slider).toHaveAttribute("aria-valuetext", "1:05 of 3:20");
    expect(slider).toHaveAttribute("tabindex", "0");
  });

  it("seeks to where it is clicked", () => {
    const { slider, onSeek } = renderWaveform();
    vi.spyOn(slider, "getBoundingClientRect").mockReturnValue(new DOMRect(100, 0, 400, 80));

    fireEvent.click(slider, { clientX: 400 });

    expect(onSeek).toHaveBeenCalledWith(150);
  });

  it("seeks with the arrow keys, Page Up/Down, Home and End", async () => {
    const user = userEvent.setup();
    const { slider, onSeek } = renderWaveform();
    slider.focus();

    const pressed = async (key: string) => {
      onSeek.mockClear();
      await user.keyboard(key);
      return onSeek.mock.calls[0]?.[0];
    };
    expect(await pressed("{ArrowRight}")).toBe(55);
    expect(await pressed("{ArrowUp}")).toBe(55);
    expect(await pressed("{ArrowLeft}")).toBe(45);
    expect(await pressed("{ArrowDown}")).toBe(45);
    expect(await pressed("{PageUp}")).toBe(70);
    expect(await pressed("{PageDown}")).toBe(30);
    expect(await pressed("{Home}")).toBe(0);
    expect(await pressed("{End}")).toBe(200);
    expect(await pressed("a")).toBeUndefined();
  });

  it("never seeks outside the track", async () => {
    const user = userEvent.setup();
    const { slider, onSeek } = renderWaveform({ currentTime: 198 });
    slider.focus();

    await user.keyboard("{ArrowRight}");
    expect(onSeek).toHaveBeenLastCalledWith(200);
  });
});

describe("waveformBars", () => {
  it("keeps the loudest peak of each stretch, scaled to the loudest, and a sliver for silence", () => {
    expect(waveformBars([0.1, 0.8, 0.2, 0.4, 0, 0], 3)).toEqual([1, 0.5, 0.03]);
    expect(waveformBars([0.3, 0.6], 10)).toEqual([0.5, 1]);
    expect(waveformBars([0, 0], 2)).toEqual([0.03, 0.03]);
    expect(waveformBars([], 10)).toEqual([]);
  });

  it("counts no bars as played before the length is known", () => {
    expect(playedBars(160, 30, 0)).toBe(0);
    expect(playedBars(160, 30, 120)).toBe(40);
  });
});

describe("Waveform stories", () => {
  it("NotStarted has nothing played, and follows clicks and keys", async () => {
    const user = userEvent.setup();
    const { container } = render(<NotStarted />);
    const slider = screen.getByRole("slider", { name: "Position in Night Drive" });
    expect(bars(container)).toHaveLength(160);
    expect(played(container)).toHaveLength(0);

    slider.focus();
    await user.keyboard("{End}");
    expect(slider).toHaveAttribute("aria-valuenow", "214");
    expect(played(container)).toHaveLength(160);
  });

  it("PartlyPlayed shows a third played", () => {
    const { container } = render(<PartlyPlayed />);
    expect(played(container)).toHaveLength(53);
  });

  it("FewBars draws forty", () => {
    const { container } = render(<FewBars />);
    expect(bars(container)).toHaveLength(40);
    expect(played(container)).toHaveLength(20);
  });
});
