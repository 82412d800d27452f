import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./BlockedPeople.stories.tsx";

const { SomeBlocked, NobodyBlocked } = composeStories(stories, sharedAnnotations);

async function renderBlocked() {
  applyStoryHandlers(SomeBlocked.parameters);
  render(<SomeBlocked />);
  const list = await screen.findByRole("list", { name: "Blocked people" });
  return { user: userEvent.setup(), list };
}

describe("BlockedPeople", () => {
  it("lists the people I blocked, the latest first", async () => {
    const { list } = await renderBlocked();

    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Alan Turing");
    expect(items[0]).toHaveTextContent("@alan");
    expect(items[1]).toHaveTextContent("linus");
  });

  it("unblocks someone, who then leaves the list", async () => {
    const requests = recordApiRequests();
    const { user, list } = await renderBlocked();

    await user.click(within(list).getByRole("button", { name: "Unblock Alan Turing" }));

    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect(list).not.toHaveTextContent("Alan Turing");
    expect(requests.to("/api/v1/me/blocks/alan", "DELETE")).toHaveLength(1);
  });

  it("says so when unblocking fails", async () => {
    const { user, list } = await renderBlocked();
    server.use(http.delete("/api/v1/me/blocks/:username", () => errorResponse("INTERNAL", "Database unavailable.")));

    await user.click(within(list).getByRole("button", { name: "Unblock linus" }));

    expect(await within(list).findByRole("alert")).toHaveTextContent("Couldn't unblock linus.");
  });

  it("says when nobody is blocked", async () => {
    applyStoryHandlers(NobodyBlocked.parameters);
    render(<NobodyBlocked />);

    expect(await screen.findByText("You haven't blocked anyone.")).toBeInTheDocument();
  });
});
