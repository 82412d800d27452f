import { composeStories } from "@storybook/react-vite";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { currentUrl } from "../../../test/CurrentLocation.tsx";
import { appHeader, renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { alanConversationId, graceConversationId, linusConversationId, messagingApi } from "../messagingStoryMocks.ts";
import * as stories from "./MessagesPage.stories.tsx";

const { WithBlocked, Empty } = composeStories(stories, sharedAnnotations);

const conversations = () => within(screen.getByRole("list", { name: "Conversations" })).getAllByRole("listitem");
const location = () => currentUrl(screen.getByTestId("current-location"));

async function renderMessages(api = messagingApi()) {
  const rendered = renderLiveApp(api, "/messages");
  await screen.findByRole("heading", { level: 1, name: "Messages" });
  await waitFor(() => expect(screen.queryByText("Loading your conversations…")).not.toBeInTheDocument());
  return { ...rendered, api };
}

describe("MessagesPage", () => {
  it("lists my conversations, the latest first, with the last message and what is unread", async () => {
    await renderMessages();

    const [grace, alan, linus] = conversations();
    expect(conversations()).toHaveLength(3);
    expect(grace).toHaveTextContent("Grace Hopper");
    expect(grace).toHaveTextContent("2 unread");
    expect(grace).toHaveTextContent("The bridge in Harbour Lights is gorgeous.");
    expect(within(grace as HTMLElement).getByRole("link")).toHaveAttribute("href", `/messages/${graceConversationId}`);
    expect(alan).toHaveTextContent("Alan Turing");
    expect(alan).toHaveTextContent("You: Loved your set last night.");
    expect(alan).not.toHaveTextContent("unread");
    // No display name: the username.
    expect(linus).toHaveTextContent("linus");
    expect(within(linus as HTMLElement).getByRole("link")).toHaveAttribute("href", `/messages/${linusConversationId}`);
  });

  it("moves a conversation to the top when a message arrives live", async () => {
    const { fake, api } = await renderMessages();

    act(() => fake.emit(api.messages.state.receive(alanConversationId, "Are you coming tonight?")));

    await waitFor(() => expect(conversations()[0]).toHaveTextContent("Are you coming tonight?"));
    expect(conversations()[0]).toHaveTextContent("Alan Turing");
    expect(conversations()[0]).toHaveTextContent("1 unread");
    await waitFor(() =>
      expect(appHeader().getByRole("link", { name: /^Messages/ })).toHaveAccessibleName("Messages 3 unread"),
    );
  });

  it("starts a new conversation with a username and opens it", async () => {
    const { user, api } = await renderMessages(messagingApi({ conversations: [] }));

    await user.click(screen.getByRole("button", { name: "New message" }));
    const form = screen.getByRole("form", { name: "New message" });
    expect(within(form).getByLabelText("To (username)")).toHaveFocus();
    await user.keyboard("@alan");
    await user.click(within(form).getByRole("button", { name: "Start conversation" }));

    await screen.findByRole("heading", { level: 1, name: "Alan Turing" });
    const opened = api.messages.state.conversationsOf(api.accounts.state.currentUserId ?? "")[0];
    expect(location().pathname).toBe(`/messages/${opened?.id}`);
  });

  it("says so when nobody has that username", async () => {
    const { user } = await renderMessages();

    await user.click(screen.getByRole("button", { name: "New message" }));
    await user.keyboard("nobody_here{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Nobody called “nobody_here” is on this instance.");
    expect(location().pathname).toBe("/messages");
  });

  it("says so when messaging that person is blocked", async () => {
    const { user } = await renderMessages();
    server.use(
      http.post("/api/v1/conversations", () => errorResponse("MESSAGING_BLOCKED", "You cannot message this person")),
    );

    await user.click(screen.getByRole("button", { name: "New message" }));
    await user.keyboard("grace{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("You can't message grace.");
  });

  it("marks a blocked conversation (WithBlocked)", async () => {
    applyStoryHandlers(WithBlocked.parameters);
    render(<WithBlocked />);

    const list = await screen.findByRole("list", { name: "Conversations" });
    const [grace, , linus] = within(list).getAllByRole("listitem");
    expect(linus).toHaveTextContent("linus");
    expect(linus).toHaveTextContent("Blocked");
    expect(grace).not.toHaveTextContent("Blocked");
  });

  it("invites to write when there is nothing yet (Empty)", async () => {
    applyStoryHandlers(Empty.parameters);
    render(<Empty />);

    expect(await screen.findByText("No conversations yet. Start one with “New message”.")).toBeInTheDocument();
  });
});
