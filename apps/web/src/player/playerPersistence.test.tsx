import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppRoutes } from "../app/AppRoutes.tsx";
import { attachHlsStream, destroyStream } from "../test/fakeHlsSource.ts";
import { advanceAudioTo, playerAudio, stubMediaPlayback } from "../test/media.ts";
import { renderWithProviders } from "../test/renderWithProviders.tsx";

vi.mock("./hlsSource.ts", () => import("../test/fakeHlsSource.ts"));

afterEach(() => {
  vi.restoreAllMocks();
  attachHlsStream.mockClear();
  destroyStream.mockClear();
});

describe("the player across pages", () => {
  it("keeps playing the same audio while the person navigates", async () => {
    const media = stubMediaPlayback();
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />);
    await user.click(await screen.findByRole("button", { name: "Play Night Drive" }));
    await waitFor(() => expect(media.play).toHaveBeenCalledTimes(1));
    const audio = playerAudio();
    advanceAudioTo(audio, 30);

    const nav = screen.getByRole("navigation", { name: "Primary" });
    await user.click(within(nav).getByRole("link", { name: "Search" }));
    await user.click(screen.getByRole("contentinfo", { name: "Player" }).querySelector("a") as HTMLElement);

    // On the track's own page now, with the same element, still playing, never reloaded.
    expect(await screen.findByRole("heading", { level: 1, name: "Night Drive" })).toBeInTheDocument();
    expect(playerAudio()).toBe(audio);
    expect(media.pause).not.toHaveBeenCalled();
    expect(destroyStream).not.toHaveBeenCalled();
    expect(attachHlsStream).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("player-current-time")).toHaveTextContent("0:30");
    expect(screen.getByRole("slider", { name: "Position in Night Drive" })).toHaveAttribute("aria-valuenow", "30");
    expect(screen.getByRole("button", { name: "Pause Night Drive" })).toBeInTheDocument();
  });
});
