import { composeStories } from "@storybook/react-vite";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { buildNotification, createMockApi } from "../../../mocks/handlers.ts";
import { currentUrl } from "../../../test/CurrentLocation.tsx";
import { appHeader, renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import {
  alanConversationId,
  graceConversationId,
  harbourLights,
  messagingApi,
  people,
} from "../../messages/messagingStoryMocks.ts";
import * as stories from "./HeaderInbox.stories.tsx";

const { WithUnread, Empty } = composeStories(stories, sharedAnnotations);

const banner = () => appHeader();
const bell = () => banner().getByRole("button", { name: /^Notifications/ });
const messagesLink = () => banner().getByRole("link", { name: /^Messages/ });
const menu = () => within(screen.getByRole("region", { name: "Notifications" }));
const location = () => currentUrl(screen.getByTestId("current-location"));

async function renderInbox(api = messagingApi(), route = "/") {
  const rendered = renderLiveApp(api, route);
  await waitFor(() => expect(bell()).toHaveAccessibleName(/^Notifications/));
  return { ...rendered, api };
}

describe("the header inbox", () => {
  it("shows the unread counts on the bell and on Messages", async () => {
    await renderInbox();

    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 3 unread"));
    expect(messagesLink()).toHaveAccessibleName("Messages 2 unread");
    expect(messagesLink()).toHaveAttribute("href", "/messages");
  });

  it("opens the latest notifications, unread ones marked, and marks them all read", async () => {
    const requests = recordApiRequests();
    const { user } = await renderInbox();
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 3 unread"));

    await user.click(bell());
    expect(bell()).toHaveAttribute("aria-expanded", "true");
    const items = await menu().findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("Grace Hopper sent you a message (unread)"),
      expect.stringContaining('Alan Turing liked "Harbour Lights" (unread)'),
      expect.stringContaining("linus followed you (unread)"),
      expect.not.stringContaining("(unread)"),
      expect.not.stringContaining("(unread)"),
    ]);

    await user.click(menu().getByRole("button", { name: "Mark all read" }));

    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications"));
    expect(menu().queryByText(/\(unread\)/)).not.toBeInTheDocument();
    expect(menu().getByRole("button", { name: "Mark all read" })).toBeDisabled();
    const [markAll] = requests.to("/api/v1/me/notifications/read", "POST");
    expect(await markAll?.json()).toEqual({});
    // Messages are counted apart: still unread.
    expect(messagesLink()).toHaveAccessibleName("Messages 2 unread");
  });

  it.each([
    ['Alan Turing liked "Harbour Lights"', `/tracks/${harbourLights.id}`],
    ["Grace Hopper sent you a message", `/messages/${graceConversationId}`],
    ["linus followed you", "/creators/linus"],
  ])("opening “%s” goes to its subject and marks it read", async (text, path) => {
    const requests = recordApiRequests();
    const { user, api } = await renderInbox();
    await user.click(bell());

    await user.click(await menu().findByRole("link", { name: text }));

    await waitFor(() => expect(location().pathname).toBe(path));
    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();
    await waitFor(() => expect(requests.to("/api/v1/me/notifications/read", "POST")).toHaveLength(1));
    const opened = api.messages.state.notificationsOf(people.me.id).find((item) => item.text === text);
    expect(await requests.to("/api/v1/me/notifications/read", "POST")[0]?.json()).toEqual({ ids: [opened?.id] });
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 2 unread"));
  });

  it("links a data export's notification to the privacy settings", async () => {
    const { user } = await renderInbox();
    await user.click(bell());

    expect(await menu().findByRole("link", { name: "Your data export is ready to download" })).toHaveAttribute(
      "href",
      "/settings/privacy",
    );
    expect(menu().getByRole("link", { name: "See all notifications" })).toHaveAttribute("href", "/notifications");
  });

  it("closes the menu with Escape, back on the bell", async () => {
    const { user } = await renderInbox();
    await user.click(bell());
    await menu().findAllByRole("listitem");

    await user.keyboard("{Escape}");

    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();
    expect(bell()).toHaveFocus();
    expect(bell()).toHaveAttribute("aria-expanded", "false");
  });

  it("bumps the bell and the open menu when a notification arrives live", async () => {
    const { user, fake } = await renderInbox();
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 3 unread"));
    await user.click(bell());
    await menu().findAllByRole("listitem");

    const notification = buildNotification({
      kind: "comment",
      actorUser: people.alan,
      subject: { type: "track", id: harbourLights.id },
      text: 'Alan Turing commented on "Harbour Lights"',
    });
    act(() => fake.emit({ type: "notification", notification, unreadCount: 4 }));

    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 4 unread"));
    expect(menu().getAllByRole("listitem")[0]).toHaveTextContent('Alan Turing commented on "Harbour Lights"');
  });

  it("bumps the Messages badge when a message arrives live on another page", async () => {
    const { fake, api } = await renderInbox();
    await waitFor(() => expect(messagesLink()).toHaveAccessibleName("Messages 2 unread"));

    act(() => fake.emit(api.messages.state.receive(alanConversationId, "Are you coming tonight?")));

    await waitFor(() => expect(messagesLink()).toHaveAccessibleName("Messages 3 unread"));
    expect(location().pathname).toBe("/");
  });

  it("follows what another tab read", async () => {
    const { fake } = await renderInbox();
    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 3 unread"));

    act(() => fake.emit({ type: "read", unreadNotifications: 1, unreadMessages: 0 }));

    await waitFor(() => expect(bell()).toHaveAccessibleName("Notifications 1 unread"));
    expect(messagesLink()).toHaveAccessibleName("Messages");
  });

  it("connects once for a signed-in person", async () => {
    const { fake } = await renderInbox();
    expect(fake.connected).toBe(true);
    expect(fake.connections).toBe(1);
  });

  it("is not there when signed out", async () => {
    const { fake } = renderLiveApp(createMockApi());

    expect(await banner().findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(banner().queryByRole("button", { name: /^Notifications/ })).not.toBeInTheDocument();
    expect(banner().queryByRole("link", { name: /^Messages/ })).not.toBeInTheDocument();
    expect(fake.connected).toBe(false);
  });
});

describe("HeaderInbox stories", () => {
  it("WithUnread shows both badges", async () => {
    applyStoryHandlers(WithUnread.parameters);
    render(<WithUnread />);

    expect(await screen.findByRole("button", { name: "Notifications 3 unread" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Messages 2 unread" })).toBeInTheDocument();
  });

  it("Empty has no badges and says all is read", async () => {
    const user = userEvent.setup();
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);
    const emptyBell = await screen.findByRole("button", { name: /^Notifications/ });
    await waitFor(() => expect(screen.getByRole("link", { name: /^Messages/ })).toHaveAccessibleName("Messages"));
    expect(emptyBell).toHaveAccessibleName("Notifications");

    await user.click(emptyBell);

    expect(await screen.findByText("Nothing new. You're all caught up.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  });
});
