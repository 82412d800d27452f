import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { AppRoutes } from "../../../app/AppRoutes.tsx";
import { buildVerifiedUser, createMockApi, errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { renderWithProviders } from "../../../test/renderWithProviders.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./MyTracksPage.stories.tsx";

const { EveryState, Empty } = composeStories(stories, sharedAnnotations);
const { everyStateApi } = stories;

async function renderMyTracks() {
  applyStoryHandlers(EveryState.parameters);
  render(<EveryState />);
  const list = await screen.findByRole("list", { name: "My tracks" });
  return { user: userEvent.setup(), list };
}

const item = (title: string) => screen.getByRole("listitem", { name: title });
const inItem = (title: string) => within(item(title));

describe("MyTracksPage", () => {
  it("lists every track with a badge for its state", async () => {
    const { list } = await renderMyTracks();

    expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    expect(inItem("Fresh Upload").getByText("Waiting to process")).toBeInTheDocument();
    expect(inItem("Halfway There").getByText("Processing 40%")).toBeInTheDocument();
    expect(inItem("Broken Tape").getByText("Failed")).toBeInTheDocument();
    expect(inItem("Broken Tape").getByText("The file could not be decoded: it may be damaged.")).toBeInTheDocument();
    expect(inItem("Finished Song").getByText("Ready")).toBeInTheDocument();
    expect(inItem("Finished Song").getByText("Unlisted")).toBeInTheDocument();
    expect(inItem("Finished Song").getByRole("link", { name: "Finished Song" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/tracks\//),
    );
    // Only a failed track can be retried.
    expect(inItem("Broken Tape").getByRole("button", { name: "Retry Broken Tape" })).toBeInTheDocument();
    expect(inItem("Finished Song").queryByRole("button", { name: /^Retry/ })).not.toBeInTheDocument();
  });

  it("deletes a track only after confirmation", async () => {
    const requests = recordApiRequests();
    const { user, list } = await renderMyTracks();

    await user.click(inItem("Finished Song").getByRole("button", { name: "Delete Finished Song" }));
    await user.click(inItem("Finished Song").getByRole("button", { name: "Keep it" }));
    expect(requests.to(/^\/api\/v1\/tracks\/[^/]+$/, "DELETE")).toHaveLength(0);

    await user.click(inItem("Finished Song").getByRole("button", { name: "Delete Finished Song" }));
    expect(inItem("Finished Song").getByText(/Delete “Finished Song”\?/)).toBeInTheDocument();
    await user.click(inItem("Finished Song").getByRole("button", { name: "Delete for good" }));

    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(3));
    expect(screen.queryByRole("listitem", { name: "Finished Song" })).not.toBeInTheDocument();
    expect(requests.to(/^\/api\/v1\/tracks\/[^/]+$/, "DELETE")).toHaveLength(1);
  });

  it("says so when a delete fails", async () => {
    const { user } = await renderMyTracks();
    server.use(http.delete("/api/v1/tracks/:id", () => errorResponse("FORBIDDEN", "Not yours")));

    await user.click(inItem("Finished Song").getByRole("button", { name: "Delete Finished Song" }));
    await user.click(inItem("Finished Song").getByRole("button", { name: "Delete for good" }));

    expect(await inItem("Finished Song").findByRole("alert")).toHaveTextContent("The track wasn't deleted. Not yours");
  });

  it("retries a failed track, which goes back to waiting", async () => {
    const { user } = await renderMyTracks();

    await user.click(inItem("Broken Tape").getByRole("button", { name: "Retry Broken Tape" }));

    expect(await inItem("Broken Tape").findByText("Waiting to process")).toBeInTheDocument();
    expect(inItem("Broken Tape").queryByRole("button", { name: "Retry Broken Tape" })).not.toBeInTheDocument();
  });

  it("edits a track's title and visibility in place", async () => {
    const { user } = await renderMyTracks();

    await user.click(inItem("Finished Song").getByRole("button", { name: "Edit Finished Song" }));
    const form = screen.getByRole("form", { name: "Details of Finished Song" });
    const title = within(form).getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Finished Song (Remaster)");
    await user.selectOptions(within(form).getByLabelText("Visibility"), "public");
    await user.click(within(form).getByRole("button", { name: "Save details" }));

    expect(await screen.findByRole("listitem", { name: "Finished Song (Remaster)" })).toHaveTextContent("Public");
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    const stored = everyStateApi.tracks.state.tracks.find((track) => track.title === "Finished Song (Remaster)");
    expect(stored?.visibility).toBe("public");
  });

  it("keeps polling while something is processing", async () => {
    const requests = recordApiRequests();
    await renderMyTracks();
    const firstLoads = requests.to("/api/v1/users/me/tracks", "GET").length;

    await waitFor(() => expect(requests.to("/api/v1/users/me/tracks", "GET").length).toBeGreaterThan(firstLoads), {
      timeout: 8000,
    });
  }, 15_000);

  it("invites a creator with no tracks to upload", async () => {
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);

    expect(await screen.findByText(/You haven't uploaded anything yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Upload your first track" })).toHaveAttribute("href", "/upload");
  });

  it("shows My tracks and Upload in the header for the creator tier only", async () => {
    applyStoryHandlers(EveryState.parameters);
    render(<EveryState />);
    const banner = screen.getByRole("banner");
    expect(await within(banner).findByRole("link", { name: "My tracks" })).toHaveAttribute("href", "/me/tracks");
    expect(within(banner).getByRole("link", { name: "Upload" })).toHaveAttribute("href", "/upload");
  });

  it("hides the creator links from a listener", async () => {
    server.use(...createMockApi({ me: buildVerifiedUser({ username: "lin" }) }).handlers);
    renderWithProviders(<AppRoutes />);
    const banner = screen.getByRole("banner");

    expect(await within(banner).findByText("lin")).toBeInTheDocument();
    expect(within(banner).queryByRole("link", { name: "My tracks" })).not.toBeInTheDocument();
    expect(within(banner).queryByRole("link", { name: "Upload" })).not.toBeInTheDocument();
  });
});
