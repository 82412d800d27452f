import { conversationPageSchema, messagePageSchema, notificationPageSchema, type UserEvent } from "@stave/contracts";
import { describe, expect, it } from "vitest";
import {
  alanConversationId,
  graceConversationId,
  messagingApi,
  people,
} from "../features/messages/messagingStoryMocks.ts";
import { call, expectError } from "../test/callMockApi.ts";
import { server } from "./server.ts";

// The messaging domain of the mocked API: replies parse with the contracts' schemas and it
// keeps the server's rules (CSRF, unread counts, blocking), so stories and tests behave alike.

const csrf = "mock-csrf-token";

function useApi() {
  const api = messagingApi();
  server.use(...api.handlers);
  const events: { userId: string; event: UserEvent }[] = [];
  api.messages.state.subscribe((userId, event) => events.push({ userId, event }));
  return { api, events };
}

describe("mock messaging API", () => {
  it("lists conversations with unread counts, and reading clears them", async () => {
    const { events } = useApi();
    const before = conversationPageSchema.parse((await call("GET", "/api/v1/conversations")).json);
    expect(before.unreadCount).toBe(2);
    expect(before.items.map((item) => item.with.username)).toEqual(["grace", "alan", "linus"]);

    const read = await call("POST", `/api/v1/conversations/${graceConversationId}/read`, { csrf });
    expect(read.status).toBe(204);

    const after = conversationPageSchema.parse((await call("GET", "/api/v1/conversations")).json);
    expect(after.unreadCount).toBe(0);
    expect(events.at(-1)?.event).toEqual({ type: "read", unreadNotifications: 3, unreadMessages: 0 });
  });

  it("refuses a state change without the CSRF token", async () => {
    useApi();
    const reply = await call("POST", `/api/v1/conversations/${graceConversationId}/messages`, { body: { body: "Hi" } });
    expectError(reply, 403, "CSRF_INVALID");
  });

  it("sends: newest first in the thread, events to both sides, a notification for a new unread run", async () => {
    const { api, events } = useApi();
    const sent = await call("POST", `/api/v1/conversations/${alanConversationId}/messages`, {
      body: { body: "Tonight?" },
      csrf,
    });
    expect(sent.status).toBe(201);

    const page = messagePageSchema.parse(
      (await call("GET", `/api/v1/conversations/${alanConversationId}/messages`)).json,
    );
    expect(page.items[0]?.body).toBe("Tonight?");
    expect(events.map(({ userId, event }) => [userId === people.me.id ? "me" : "alan", event.type])).toEqual([
      ["alan", "message"],
      ["me", "message"],
      ["alan", "notification"],
    ]);
    expect(api.messages.state.unreadMessages(people.alan.id)).toBe(1);
  });

  it("validates the body against the limit", async () => {
    useApi();
    const reply = await call("POST", `/api/v1/conversations/${alanConversationId}/messages`, {
      body: { body: "x".repeat(4001) },
      csrf,
    });
    expectError(reply, 400, "VALIDATION_FAILED");
  });

  it("stops messages both ways once blocked, and lists the block", async () => {
    useApi();
    expect((await call("PUT", "/api/v1/me/blocks/grace", { csrf })).status).toBe(204);

    const send = await call("POST", `/api/v1/conversations/${graceConversationId}/messages`, {
      body: { body: "Hi" },
      csrf,
    });
    expectError(send, 403, "MESSAGING_BLOCKED");
    expectError(
      await call("POST", "/api/v1/conversations", { body: { username: "grace" }, csrf }),
      403,
      "MESSAGING_BLOCKED",
    );
    expect((await call("GET", "/api/v1/me/blocks")).json).toEqual({
      items: [{ id: people.grace.id, username: "grace", displayName: "Grace Hopper" }],
    });
  });

  it("pages messages back in time by keyset, unaffected by new ones", async () => {
    const { api } = useApi();
    for (let index = 0; index < 5; index += 1) api.messages.state.receive(alanConversationId, `Extra ${index}`);
    const first = messagePageSchema.parse(
      (await call("GET", `/api/v1/conversations/${alanConversationId}/messages?limit=4`)).json,
    );
    api.messages.state.receive(alanConversationId, "Arrived meanwhile");
    const second = messagePageSchema.parse(
      (await call("GET", `/api/v1/conversations/${alanConversationId}/messages?limit=4&cursor=${first.nextCursor}`))
        .json,
    );

    expect(first.items.map((item) => item.body)).toEqual(["Extra 4", "Extra 3", "Extra 2", "Extra 1"]);
    expect(second.items.map((item) => item.body)).toEqual([
      "Extra 0",
      "Loved your set last night.",
      "Thanks for the follow!",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters notifications to the unread and marks some read", async () => {
    useApi();
    const unread = notificationPageSchema.parse((await call("GET", "/api/v1/me/notifications?unread=true")).json);
    expect(unread.items).toHaveLength(3);

    const first = unread.items[0]?.id;
    const reply = await call("POST", "/api/v1/me/notifications/read", { body: { ids: [first] }, csrf });
    expect(reply.json).toEqual({ unreadCount: 2 });
  });
});
