import { api, type EventStreamClosed, type PageQuery, type UserEvent } from "@stave/contracts";
import { HttpResponse, type RequestHandler, sse } from "msw";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import { type MockMessagesState, toMessage } from "./state.ts";

const noContent = () => new HttpResponse(null, { status: 204 });

/** Offset pagination with the position as an opaque cursor. */
function pageOf<T>(items: T[], { limit, cursor }: PageQuery): { items: T[]; nextCursor: string | null } {
  const start = Number(cursor ?? 0) || 0;
  return {
    items: items.slice(start, start + limit),
    nextCursor: start + limit < items.length ? String(start + limit) : null,
  };
}

/** Messages go back in time by keyset, as on the server: new ones arriving never shift the pages. */
function messagePageOf(messages: ReturnType<MockMessagesState["messagesFor"]>, { limit, cursor }: PageQuery) {
  const older = cursor === undefined ? messages : messages.filter((message) => message.seq < Number(cursor));
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

/** Notifications, the live event stream, conversations and blocks (`api.notifications`, `api.messages`, `api.blocks`). */
export function messagesHandlersFor(state: MockMessagesState): RequestHandler[] {
  const accounts = state.accounts;
  const handle = mockOperations(accounts);
  const { notifications, messages, blocks } = api;
  const conversationOf = (user: MockUser, id: string) => state.conversationFor(id, user.me.id);
  const personNamed = (username: string) =>
    accounts.users.find((candidate) => candidate.me.username === username.toLowerCase());
  const notFound = () => errorResponse("NOT_FOUND", "Conversation not found");
  const userNotFound = () => errorResponse("NOT_FOUND", "User not found");
  const blocked = () => errorResponse("MESSAGING_BLOCKED", "You cannot message this person");

  const handlers: RequestHandler[] = [
    handle(notifications.list, ({ query, user }) => {
      const mine = state.notificationsOf(user.me.id).filter((item) => !query.unread || item.readAt === null);
      return { ...pageOf(mine, query), unreadCount: state.unreadNotifications(user.me.id) };
    }),

    handle(notifications.markRead, ({ body, user }) => {
      state.markNotificationsRead(user.me.id, body.ids);
      return { unreadCount: state.unreadNotifications(user.me.id) };
    }),

    handle(notifications.settings, ({ user }) => ({ emailKinds: state.emailKindsOf(user.me.id) })),

    handle(notifications.updateSettings, ({ body, user }) => {
      const emailKinds = [...new Set(body.emailKinds)];
      state.setEmailKinds(user.me.id, emailKinds);
      return { emailKinds };
    }),

    handle(messages.conversations, ({ query, user }) => ({
      ...pageOf(state.conversationsOf(user.me.id), query),
      unreadCount: state.unreadMessages(user.me.id),
    })),

    handle(messages.start, ({ body, user }) => {
      const other = personNamed(body.username);
      if (!other) return userNotFound();
      if (other.me.id === user.me.id) return errorResponse("BAD_REQUEST", "You cannot message yourself");
      if (state.isBlockedBetween(user.me.id, other.me.id)) return blocked();
      const conversation = state.open(user.me.id, other.me.id);
      if (body.body !== undefined) {
        const unverified = mustBeVerified(user);
        if (unverified) return unverified;
        state.send(conversation, user.me.id, body.body);
      }
      return { conversation: state.present(conversation, user.me.id) };
    }),

    handle(messages.conversation, ({ params, user }) => {
      const conversation = conversationOf(user, params.id);
      return conversation ? { conversation: state.present(conversation, user.me.id) } : notFound();
    }),

    handle(messages.messages, ({ params, query, user }) => {
      const conversation = conversationOf(user, params.id);
      return conversation ? messagePageOf(state.messagesFor(conversation, user.me.id), query) : notFound();
    }),

    handle(messages.send, ({ params, body, user }) => {
      const unverified = mustBeVerified(user);
      if (unverified) return unverified;
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      if (state.present(conversation, user.me.id).blocked) return blocked();
      return { message: state.send(conversation, user.me.id, body.body) };
    }),

    handle(messages.markRead, ({ params, user }) => {
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      state.markRead(conversation, user.me.id);
      return noContent();
    }),

    handle(messages.deleteConversation, ({ params, user }) => {
      const conversation = conversationOf(user, params.id);
      if (!conversation) return notFound();
      state.clear(conversation, user.me.id);
      return noContent();
    }),

    handle(messages.deleteMessage, ({ params, user }) => {
      const conversation = conversationOf(user, params.id);
      const message = conversation
        ? state.messagesFor(conversation, user.me.id).find((candidate) => candidate.id === params.messageId)
        : undefined;
      if (!message) return errorResponse("NOT_FOUND", "Message not found");
      state.hideMessage(message, user.me.id);
      return noContent();
    }),

    handle(blocks.list, ({ user }) => ({
      items: state.blockedBy(user.me.id).map(({ me }) => ({
        id: me.id,
        username: me.username,
        displayName: me.profile.displayName,
      })),
    })),

    handle(blocks.block, ({ params, user }) => {
      const other = personNamed(params.username);
      if (!other) return userNotFound();
      if (other.me.id === user.me.id) return errorResponse("BAD_REQUEST", "You cannot block yourself");
      state.setBlocked(user.me.id, other.me.id, true);
      return noContent();
    }),

    handle(blocks.unblock, ({ params, user }) => {
      const other = personNamed(params.username);
      if (!other) return userNotFound();
      state.setBlocked(user.me.id, other.me.id, false);
      return noContent();
    }),
  ];

  // msw's sse() needs EventSource, which browsers (Storybook) have and jsdom has not; tests
  // push events through a fake source instead (test/fakeUserEvents.ts).
  if (typeof EventSource !== "undefined") {
    handlers.push(
      sse<Record<UserEvent["type"], UserEvent> & { closed: EventStreamClosed }>(
        notifications.events.path,
        ({ client }) => {
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
        },
      ),
    );
  }
  return handlers;
}
