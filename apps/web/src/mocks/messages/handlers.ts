import {
  type ConversationPage,
  type EventStreamClosed,
  markNotificationsReadRequestSchema,
  type NotificationPage,
  notificationSettingsSchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
  type UserEvent,
} from "@stave/contracts";
import { HttpResponse, http, type RequestHandler, sse } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import { type MockMessagesState, toMessage } from "./state.ts";

const noContent = () => new HttpResponse(null, { status: 204 });

/** Offset pagination with the position as an opaque cursor. */
function pageOf<T>(items: T[], request: Request): { items: T[]; nextCursor: string | null } {
  const query = new URL(request.url).searchParams;
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 20) || 20));
  const start = Number(query.get("cursor") ?? 0) || 0;
  return {
    items: items.slice(start, start + limit),
    nextCursor: start + limit < items.length ? String(start + limit) : null,
  };
}

/** Messages go back in time by keyset, as on the server: new ones arriving never shift the pages. */
function messagePageOf(messages: ReturnType<MockMessagesState["messagesFor"]>, request: Request) {
  const query = new URL(request.url).searchParams;
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 20) || 20));
  const before = query.get("cursor");
  const older = before === null ? messages : messages.filter((message) => message.seq < Number(before));
  const items = older.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toMessage),
    nextCursor: older.length > limit && last ? String(last.seq) : null,
  };
}

/** As the server: sending needs a verified address. */
function mustBeVerified(user: MockUser): Response | undefined {
  return user.me.isVerified
    ? undefined
    : errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before sending messages");
}

/** /api/v1/me/notifications*, /api/v1/me/events, /api/v1/conversations* and /api/v1/me/blocks*. */
export function messagesHandlersFor(state: MockMessagesState): RequestHandler[] {
  const accounts = state.accounts;
  const conversationOf = (user: MockUser, id: unknown) => state.conversationFor(String(id), user.me.id);
  const notFound = () => errorResponse("NOT_FOUND", "Conversation not found");
  const blocked = () => errorResponse("MESSAGING_BLOCKED", "You cannot message this person");

  const handlers: RequestHandler[] = [
    http.get("/api/v1/me/notifications", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const unreadOnly = new URL(request.url).searchParams.get("unread") === "true";
      const mine = state.notificationsOf(user.me.id).filter((item) => !unreadOnly || item.readAt === null);
      const body: NotificationPage = { ...pageOf(mine, request), unreadCount: state.unreadNotifications(user.me.id) };
      return HttpResponse.json(body);
    }),

    http.post("/api/v1/me/notifications/read", async ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = markNotificationsReadRequestSchema.safeParse((await readJson(request)) ?? {});
      if (!parsed.success) return validationFailed(parsed.error.issues);
      state.markNotificationsRead(user.me.id, parsed.data.ids);
      return HttpResponse.json({ unreadCount: state.unreadNotifications(user.me.id) });
    }),

    http.get("/api/v1/me/notification-settings", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return HttpResponse.json({ emailKinds: state.emailKindsOf(user.me.id) });
    }),

    http.put("/api/v1/me/notification-settings", async ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = notificationSettingsSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const emailKinds = [...new Set(parsed.data.emailKinds)];
      state.setEmailKinds(user.me.id, emailKinds);
      return HttpResponse.json({ emailKinds });
    }),

    http.get("/api/v1/conversations", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const body: ConversationPage = {
        ...pageOf(state.conversationsOf(user.me.id), request),
        unreadCount: state.unreadMessages(user.me.id),
      };
      return HttpResponse.json(body);
    }),

    http.post("/api/v1/conversations", async ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = startConversationRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const other = accounts.users.find((candidate) => candidate.me.username === parsed.data.username.toLowerCase());
      if (!other) return errorResponse("NOT_FOUND", "User not found");
      if (other.me.id === user.me.id) return errorResponse("BAD_REQUEST", "You cannot message yourself");
      if (state.isBlockedBetween(user.me.id, other.me.id)) return blocked();
      const conversation = state.open(user.me.id, other.me.id);
      if (parsed.data.body !== undefined) {
        const unverified = mustBeVerified(user);
        if (unverified) return unverified;
        state.send(conversation, user.me.id, parsed.data.body);
      }
      return HttpResponse.json({ conversation: state.present(conversation, user.me.id) });
    }),

    http.get("/api/v1/conversations/:id", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      return HttpResponse.json({ conversation: state.present(conversation, user.me.id) });
    }),

    http.get("/api/v1/conversations/:id/messages", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      return HttpResponse.json(messagePageOf(state.messagesFor(conversation, user.me.id), request));
    }),

    http.post("/api/v1/conversations/:id/messages", async ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const parsed = sendMessageRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const unverified = mustBeVerified(user);
      if (unverified) return unverified;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      if (state.present(conversation, user.me.id).blocked) return blocked();
      const message = state.send(conversation, user.me.id, parsed.data.body);
      return HttpResponse.json({ message }, { status: 201 });
    }),

    http.post("/api/v1/conversations/:id/read", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      state.markRead(conversation, user.me.id);
      return noContent();
    }),

    http.delete("/api/v1/conversations/:id", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      state.clear(conversation, user.me.id);
      return noContent();
    }),

    http.delete("/api/v1/conversations/:id/messages/:messageId", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const conversation = conversationOf(user, params.id);
      const message = conversation
        ? state.messagesFor(conversation, user.me.id).find((candidate) => candidate.id === params.messageId)
        : undefined;
      if (!message) return errorResponse("NOT_FOUND", "Message not found");
      state.hideMessage(message, user.me.id);
      return noContent();
    }),

    http.get("/api/v1/me/blocks", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const items = state.blockedBy(user.me.id).map(({ me }) => ({
        id: me.id,
        username: me.username,
        displayName: me.profile.displayName,
      }));
      return HttpResponse.json({ items });
    }),

    http.put("/api/v1/me/blocks/:username", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const other = accounts.users.find((candidate) => candidate.me.username === String(params.username).toLowerCase());
      if (!other) return errorResponse("NOT_FOUND", "User not found");
      if (other.me.id === user.me.id) return errorResponse("BAD_REQUEST", "You cannot block yourself");
      state.setBlocked(user.me.id, other.me.id, true);
      return noContent();
    }),

    http.delete("/api/v1/me/blocks/:username", ({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const other = accounts.users.find((candidate) => candidate.me.username === String(params.username).toLowerCase());
      if (!other) return errorResponse("NOT_FOUND", "User not found");
      state.setBlocked(user.me.id, other.me.id, false);
      return noContent();
    }),
  ];

  // msw's sse() needs EventSource, which browsers (Storybook) have and jsdom has not; tests
  // push events through a fake source instead (test/fakeUserEvents.ts).
  if (typeof EventSource !== "undefined") {
    handlers.push(
      sse<Record<UserEvent["type"], UserEvent> & { closed: EventStreamClosed }>("/api/v1/me/events", ({ client }) => {
        const userId = accounts.currentUserId;
        if (!userId) {
          client.error();
          return;
        }
        client.send({ event: "read", data: state.readEvent(userId) });
        const stop = () => {
          stopEvents();
          stopSignOut();
        };
        const stopEvents = state.subscribe((to, event) => {
          if (to !== userId) return;
          try {
            client.send({ event: event.type, data: event });
          } catch {
            // The page closed the stream.
            stop();
          }
        });
        // As the server does: the session's (or account's) end ends its streams, with a reason.
        const stopSignOut = accounts.whenSignedOut((from, reason) => {
          if (from !== userId) return;
          stop();
          try {
            client.send({ event: "closed", data: { reason } });
            client.close();
          } catch {
            // The page closed the stream already.
          }
        });
      }),
    );
  }
  return handlers;
}
