import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import * as stories from "./SecurityEvents.stories.tsx";

const { Recent, ManyPages, Empty, LoadFails, TokenMadeAndRevoked } = composeStories(stories, sharedAnnotations);

function renderStory(Story: typeof Recent) {
  applyStoryHandlers(Story.parameters);
  render(<Story />);
}

const activityList = () => screen.findByRole("list", { name: "Recent security activity" });

describe("SecurityEvents", () => {
  it("lists recent events with readable names, the device and the IP", async () => {
    renderStory(Recent);

    const items = within(await activityList()).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByText(/./, { selector: ".item-list__title" }).textContent)).toEqual([
      "Signed in",
      "Failed sign-in attempt: wrong password",
      "Password changed",
      "Signed in",
    ]);
    expect(items[1]).toHaveTextContent("Chrome on Windows");
    expect(items[1]).toHaveTextContent("IP 192.0.2.200");
    expect(items[0]).toHaveTextContent("Firefox on Linux");
    expect(screen.queryByText(/user\.login/)).not.toBeInTheDocument();
  });

  it("loads older events on request", async () => {
    const user = userEvent.setup();
    renderStory(ManyPages);
    const list = await activityList();
    expect(within(list).getAllByRole("listitem")).toHaveLength(20);
    expect(within(list).getAllByText("Upgraded to a creator account")).toHaveLength(3);

    await user.click(screen.getByRole("button", { name: "Show older activity" }));

    expect(await within(list).findAllByRole("listitem")).toHaveLength(26);
    expect(screen.queryByRole("button", { name: "Show older activity" })).not.toBeInTheDocument();
  });

  it("names a token's revocation as well as its creation", async () => {
    renderStory(TokenMadeAndRevoked);

    const items = within(await activityList()).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByText(/./, { selector: ".item-list__title" }).textContent)).toEqual([
      "Personal access token revoked",
      "Personal access token created",
    ]);
  });

  it("says when there is no activity yet", async () => {
    renderStory(Empty);

    expect(await screen.findByText("No security activity yet.")).toBeInTheDocument();
  });

  it("shows a failure to load as an alert", async () => {
    renderStory(LoadFails);

    expect(await screen.findByRole("alert")).toHaveTextContent(/couldn't load your security activity/i);
  });
});
