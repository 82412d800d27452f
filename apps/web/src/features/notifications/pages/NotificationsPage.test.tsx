import { composeStories } from "@storybook/react-vite";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { currentUrl } from "../../../test/CurrentLocation.tsx";
import { appHeader, renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { harbourLights, messagingApi } from "../../messages/messagingStoryMocks.ts";
import * as stories from "./NotificationsPage.stories.tsx";

const { ManyPages, Empty } = composeStories(stories, sharedAnnotations);

const list = () => screen.getByRole("list", { name: "Notifications" });
const items = () => within(list()).getAllByRole("listitem");
const bell = () => appHeader().getByRole("button", { name: /^Notifications/ });

async function renderPage(route = "/notifications") {
  const rendered = renderLiveApp(messagingApi(), route);
  await screen.findByRole("list", { name: "Notifications" });
  return rendered;
}

describe("NotificationsPage", () => {
  it("lists every notification, newest first, with the unread count", async () => {
    await renderPage();

    expect(items()).toHaveLength(5);
    expect(items()[0]).toHaveTextContent("Grace Hopper sent you a message (unread)");
    expect(items()[4]).toHaveTextContent("Your data export is ready to download");
    expect(screen.getByText("3 unread")).toBeInTheDocument();
    expect(within(list()).getAllByRole("button", { name: /^Mark “.*” read$/ })).toHaveLength(3);
  });

  it("shows only the unread ones on request, asking the server for them", async () => {
    const requests = recordApiRequests();
    const { user } = await renderPage();

    await user.click(screen.getByRole("radio", { name: "Unread" }));

    await waitFor(() => expect(items()).toHaveLength(3));
    expect(currentUrl(screen.getByTestId("current-location")).search).toBe("?unread=1");
    const unreadRequests = requests
      .to("/api/v1/me/notifications", "GET")
      .filter((request) => request.searchParams.get("unread") === "true" && request.searchParams.get("limit") !== "1");
    expect(unreadRequests).toHaveLength(1);

    await user.click(screen.getByRole("radio", { name: "All" }));
    await waitFor(() => expect(items()).toHaveLength(5));
  });

  it("marks one read, and the bell follows", async () => {
    const requests = recordApiRequests();
    const { user } = await renderPage();
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 3 unread"));

    await user.click(screen.getByRole("button", { name: "Mark “linus followed you” read" }));

    await waitFor(() => expect(screen.getByText("2 unread")).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Mark “linus followed you” read" })).not.toBeInTheDocument();
    expect(bell()).toHaveAccessibleName("Notifications 2 unread");
    expect(await requests.to("/api/v1/me/notifications/read", "POST")[0]?.json()).toEqual({
      ids: [expect.any(String)],
    });
  });

  it("marks all read", async () => {
    const { user } = await renderPage();

    await user.click(screen.getByRole("button", { name: "Mark all read" }));

    await waitFor(() => expect(screen.getByText("0 unread")).toBeInTheDocument());
    expect(within(list()).queryByText(/\(unread\)/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Mark all read" })).toBeDisabled();
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications"));
  });

  it("opens a notification's subject", async () => {
    const { user } = await renderPage();

    await user.click(screen.getByRole("link", { name: 'Alan Turing liked "Harbour Lights"' }));

    await waitFor(() =>
      expect(currentUrl(screen.getByTestId("current-location")).pathname).toBe(`/tracks/${harbourLights.id}`),
    );
  });

  it("pages with Show more (ManyPages)", async () => {
    const user = userEvent.setup();
    applyStoryHandlers(ManyPages.parameters);
    render(<ManyPages />);
    await screen.findByRole("list", { name: "Notifications" });
    expect(items()).toHaveLength(20);

    await user.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(items()).toHaveLength(40));
    await user.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(items()).toHaveLength(45));
    expect(screen.queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
  });

  it("says when there is nothing (Empty)", async () => {
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);

    expect(await screen.findByText("No notifications yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  });
});
