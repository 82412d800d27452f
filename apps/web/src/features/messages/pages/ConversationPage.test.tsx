import { MESSAGE_MAX_LENGTH } from "@stave/contracts";
import { composeStories } from "@storybook/react-vite";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { sharedAnnotations } from "../../../../.storybook/annotations.tsx";
import { errorResponse } from "../../../mocks/handlers.ts";
import { server } from "../../../mocks/server.ts";
import { currentUrl } from "../../../test/CurrentLocation.tsx";
import { appHeader, renderLiveApp } from "../../../test/renderLiveApp.tsx";
import { recordApiRequests } from "../../../test/requests.ts";
import { applyStoryHandlers } from "../../../test/storyMocks.ts";
import { buildLongConversation, graceConversationId, messagingApi } from "../messagingStoryMocks.ts";
import * as stories from "./ConversationPage.stories.tsx";

const { Blocked, BlockedByThem, LongText, NotFound } = composeStories(stories, sharedAnnotations);

const thread = () => within(screen.getByRole("log", { name: "Messages with Grace Hopper" }));
const bodies = () =>
  thread()
    .queryAllByRole("listitem")
    .map((item) => item.querySelector(".message__body")?.textContent);
const composer = () => screen.getByRole("textbox", { name: "Message to Grace Hopper" });
const messagesLink = () => appHeader().getByRole("link", { name: /^Messages/ });
const threadPath = `/api/v1/conversations/${graceConversationId}`;

async function renderThread(api = messagingApi()) {
  const rendered = renderLiveApp(api, `/messages/${graceConversationId}`);
  await screen.findByRole("heading", { level: 1, name: "Grace Hopper" });
  await waitFor(() => expect(thread().getAllByRole("listitem").length).toBeGreaterThan(0));
  return { ...rendered, api };
}

describe("ConversationPage", () => {
  it("shows the messages oldest first, as plain text with their line breaks, and marks them read", async () => {
    const requests = recordApiRequests();
    await renderThread();

    expect(bodies()).toEqual([
      "Did you get the stems?",
      "Yes! Listening now.",
      "The bridge in Harbour Lights is gorgeous.\nCan we talk about the mix tomorrow?",
    ]);
    const [mine, theirs] = thread().getAllByRole("listitem");
    expect(mine).toHaveTextContent(/^You/);
    expect(theirs).toHaveTextContent(/^Grace Hopper/);
    expect(screen.getByText("@grace")).toBeInTheDocument();
    // Opened and visible: grace's two new messages are read now.
    await waitFor(() => expect(requests.to(`${threadPath}/read`, "POST")).toHaveLength(1));
    await waitFor(() => expect(messagesLink()).toHaveAccessibleName("Messages"));
  });

  it("sends with Enter: the message joins the thread and the box empties", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();

    await user.type(composer(), "See you at the studio{Enter}");

    await waitFor(() => expect(bodies().at(-1)).toBe("See you at the studio"));
    expect(composer()).toHaveValue("");
    const sent = requests.to(`${threadPath}/messages`, "POST");
    expect(sent).toHaveLength(1);
    expect(await sent[0]?.json()).toEqual({ body: "See you at the studio" });
    expect(thread().getAllByRole("listitem").at(-1)).toHaveTextContent(/^You/);
  });

  it("makes a new line with Shift+Enter instead of sending, and keeps it when sent", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();

    await user.type(composer(), "First line{Shift>}{Enter}{/Shift}Second line");

    expect(composer()).toHaveValue("First line\nSecond line");
    expect(requests.to(`${threadPath}/messages`, "POST")).toHaveLength(0);

    await user.keyboard("{Enter}");
    await waitFor(() => expect(bodies().at(-1)).toBe("First line\nSecond line"));
  });

  it("does not send nothing", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();

    await user.type(composer(), "   {Enter}");

    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    expect(requests.to(`${threadPath}/messages`, "POST")).toHaveLength(0);
  });

  it("counts the characters and refuses to send past the limit", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();
    const form = within(screen.getByRole("form", { name: "Send a message" }));

    await user.type(composer(), "Hi");
    expect(form.getByText(/^2 \/ 4,000/)).toBeInTheDocument();

    await user.clear(composer());
    await user.click(composer());
    await user.paste("a".repeat(MESSAGE_MAX_LENGTH + 1));

    expect(form.getByText(/^4,001 \/ 4,000/)).toBeInTheDocument();
    expect(form.getByRole("alert")).toHaveTextContent("1 character over the limit of 4,000");
    expect(composer()).toHaveAttribute("aria-invalid", "true");
    expect(form.getByRole("button", { name: "Send" })).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(requests.to(`${threadPath}/messages`, "POST")).toHaveLength(0);
    expect(composer()).toHaveValue("a".repeat(MESSAGE_MAX_LENGTH + 1));

    await user.keyboard("{Backspace}");
    expect(form.getByText(/^4,000 \/ 4,000/)).toBeInTheDocument();
    expect(form.queryByRole("alert")).not.toBeInTheDocument();
    expect(form.getByRole("button", { name: "Send" })).toBeEnabled();
  });

  it("loads older messages a page at a time", async () => {
    const { user } = await renderThread(messagingApi({ conversations: buildLongConversation() }));

    expect(bodies()).toHaveLength(30);
    expect(bodies()[0]).toBe("Message number 31");
    expect(bodies().at(-1)).toBe("Message number 60");
    expect(screen.queryByText(/This is the beginning/)).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Load older messages" }));

    await waitFor(() => expect(bodies()).toHaveLength(60));
    expect(bodies()[0]).toBe("Message number 1");
    expect(bodies().at(-1)).toBe("Message number 60");
    expect(screen.queryByRole("button", { name: "Load older messages" })).not.toBeInTheDocument();
    expect(screen.getByText("This is the beginning of your conversation with Grace Hopper.")).toBeInTheDocument();
  });

  it("deletes my copy of a message once I confirm", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();
    const item = thread()
      .getAllByRole("listitem")
      .find((candidate) => candidate.textContent?.includes("Yes! Listening now.")) as HTMLElement;

    await user.click(within(item).getByRole("button", { name: "Delete" }));
    expect(within(item).getByText(/Delete your copy of this message\?/)).toBeInTheDocument();
    expect(requests.to(new RegExp(`^${threadPath}/messages/[^/]+$`), "DELETE")).toHaveLength(0);
    await user.click(within(item).getByRole("button", { name: "Delete my copy" }));

    await waitFor(() => expect(bodies()).not.toContain("Yes! Listening now."));
    expect(bodies()).toHaveLength(2);
    expect(requests.to(new RegExp(`^${threadPath}/messages/[^/]+$`), "DELETE")).toHaveLength(1);
  });

  it("says on the message itself when deleting it failed", async () => {
    const { user } = await renderThread();
    server.use(
      http.delete(`${threadPath}/messages/:messageId`, () =>
        errorResponse("SERVICE_UNAVAILABLE", "The database is unavailable"),
      ),
    );
    const item = thread()
      .getAllByRole("listitem")
      .find((candidate) => candidate.textContent?.includes("Yes! Listening now.")) as HTMLElement;

    await user.click(within(item).getByRole("button", { name: "Delete" }));
    await user.click(within(item).getByRole("button", { name: "Delete my copy" }));

    expect(await within(item).findByRole("alert")).toHaveTextContent(
      "That message wasn't deleted. Something went wrong on our side.",
    );
    expect(bodies()).toContain("Yes! Listening now.");
  });

  it("deletes my copy of the conversation after asking, and goes back to the list", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();

    await user.click(screen.getByRole("button", { name: "Delete conversation" }));
    expect(screen.getByText(/Delete your copy of this conversation\? Grace Hopper keeps theirs/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Delete my copy" }));

    await screen.findByRole("heading", { level: 1, name: "Messages" });
    expect(currentUrl(screen.getByTestId("current-location")).pathname).toBe("/messages");
    const list = await screen.findByRole("list", { name: "Conversations" });
    expect(list).not.toHaveTextContent("Grace Hopper");
    expect(requests.to(threadPath, "DELETE")).toHaveLength(1);
  });

  it("blocks after asking: the composer gives way to a notice with Unblock", async () => {
    const requests = recordApiRequests();
    const { user } = await renderThread();

    await user.click(screen.getByRole("button", { name: "Block" }));
    expect(
      screen.getByText(/Block Grace Hopper\? Neither of you will be able to message the other/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(requests.to("/api/v1/me/blocks/grace")).toHaveLength(0);
    expect(screen.getByRole("button", { name: "Block" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Block" }));
    await user.click(screen.getByRole("button", { name: "Block Grace Hopper" }));

    expect(await screen.findByText(/You blocked Grace Hopper\./)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Message to Grace Hopper" })).not.toBeInTheDocument();
    expect(requests.to("/api/v1/me/blocks/grace", "PUT")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Unblock" }));
    await user.click(screen.getByRole("button", { name: "Unblock Grace Hopper" }));

    expect(await screen.findByRole("textbox", { name: "Message to Grace Hopper" })).toBeInTheDocument();
    expect(screen.queryByText(/You blocked Grace Hopper\./)).not.toBeInTheDocument();
    expect(requests.to("/api/v1/me/blocks/grace", "DELETE")).toHaveLength(1);
  });

  it("says clearly when sending is refused with MESSAGING_BLOCKED, keeping what was written", async () => {
    const { user } = await renderThread();
    server.use(
      http.post(`${threadPath}/messages`, () => errorResponse("MESSAGING_BLOCKED", "You cannot message this person")),
    );

    await user.type(composer(), "Hello?{Enter}");

    expect(await screen.findByText("You can't message Grace Hopper.", { exact: false })).toBeInTheDocument();
    expect(composer()).toHaveValue("Hello?");
    expect(bodies()).not.toContain("Hello?");
  });

  it("adds a message that arrives live to the open thread, and marks it read", async () => {
    const requests = recordApiRequests();
    const { fake, api } = await renderThread();
    await waitFor(() => expect(requests.to(`${threadPath}/read`, "POST")).toHaveLength(1));

    act(() => fake.emit(api.messages.state.receive(graceConversationId, "Tomorrow at ten?\nBring the tapes.")));

    await waitFor(() => expect(bodies().at(-1)).toBe("Tomorrow at ten?\nBring the tapes."));
    expect(thread().getAllByRole("listitem").at(-1)).toHaveTextContent(/^Grace Hopper/);
    await waitFor(() => expect(requests.to(`${threadPath}/read`, "POST")).toHaveLength(2));
    await waitFor(() => expect(messagesLink()).toHaveAccessibleName("Messages"));
  });

  it("waits until a background tab is looked at before marking read", async () => {
    const requests = recordApiRequests();
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    renderLiveApp(messagingApi(), `/messages/${graceConversationId}`);
    await screen.findByRole("log", { name: "Messages with Grace Hopper" });
    await waitFor(() => expect(bodies()).toHaveLength(3));
    expect(requests.to(`${threadPath}/read`, "POST")).toHaveLength(0);

    visibility.mockReturnValue("visible");
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });

    await waitFor(() => expect(requests.to(`${threadPath}/read`, "POST")).toHaveLength(1));
    visibility.mockRestore();
  });

  it("shows my own message from another tab once, however it arrives", async () => {
    const { user, fake, api } = await renderThread();
    await user.type(composer(), "Sent here{Enter}");
    await waitFor(() => expect(bodies().at(-1)).toBe("Sent here"));
    const sent = api.messages.state.conversationsOf(api.accounts.state.currentUserId ?? "")[0]?.lastMessage;
    if (!sent) throw new Error("the message was not stored");

    act(() => fake.emit({ type: "message", conversationId: graceConversationId, message: sent, unreadMessages: 0 }));

    await waitFor(() => expect(bodies().filter((body) => body === "Sent here")).toHaveLength(1));
  });
});

describe("ConversationPage stories", () => {
  it("Blocked: I blocked linus; a notice and Unblock instead of the composer", async () => {
    applyStoryHandlers(Blocked.parameters);
    render(<Blocked />);

    expect(await screen.findByText(/You blocked linus\./)).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Unblock" })).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("BlockedByThem: grace blocked me; a notice, no composer", async () => {
    applyStoryHandlers(BlockedByThem.parameters);
    render(<BlockedByThem />);

    expect(await screen.findByText(/You can't message Grace Hopper\./)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Message to Grace Hopper" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Block" })).toBeInTheDocument();
  });

  it("LongText: markup shows as text, nothing is rendered from it", async () => {
    applyStoryHandlers(LongText.parameters);
    render(<LongText />);

    const log = await screen.findByRole("log", { name: "Messages with Grace Hopper" });
    const body = await within(log).findByText(/Notes on the mix:/);
    expect(body.textContent).toContain("2. <b>Not bold</b> & <script>alert('not run')</script>\n3. Pad");
    expect(log.querySelector("b, script")).toBeNull();
  });

  it("NotFound: says the conversation is not there", async () => {
    applyStoryHandlers(NotFound.parameters);
    render(<NotFound />);

    expect(await screen.findByRole("heading", { level: 1, name: "Conversation not found" })).toBeInTheDocument();
  });
});
