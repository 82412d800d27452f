import {
  conversationPageSchema,
  conversationSchema,
  messagePageSchema,
  messageSchema,
  pageQuerySchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
} from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import type { NotificationsContext } from "../notifications/notifications.context.ts";
import { presentConversation, presentMessage } from "./messages.presenter.ts";
import { countUnreadMessages, listConversations, listMessages } from "./messages.repo.ts";
import {
  deleteMyCopyOfConversation,
  deleteMyCopyOfMessage,
  loadConversation,
  readConversation,
  sendMessage,
  startConversation,
} from "./messages.service.ts";

const tags = ["messages"];
const conversationParams = z.object({ id: z.uuid() });
const messageParams = z.object({ id: z.uuid(), messageId: z.uuid() });

/**
 * Conversations read from the primary: a message must never seem to vanish right after it was sent.
 * Cursors are the social lists' keysets: checked (a made-up one is a 400, not a 500), and
 * exact to the microsecond, so messages sent within one millisecond are not skipped.
 */
export function registerMessageRoutes(app: FastifyInstance, ctx: NotificationsContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.primary;

  routes.get(
    "/api/v1/conversations",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "My conversations, the latest active first, with unread counts",
        querystring: pageQuerySchema,
        response: { 200: conversationPageSchema },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      const { limit } = request.query;
      const rows = await listConversations(db, userId, { limit, after: decodeKeyset(request.query.cursor) });
      return {
        ...pageFrom(rows, limit, presentConversation, (row) => ({ at: row.last_message_key, id: row.id })),
        unreadCount: await countUnreadMessages(db, userId),
      };
    },
  );

  routes.post(
    "/api/v1/conversations",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Open (or find) my conversation with a user, optionally sending a first message",
        body: startConversationRequestSchema,
        response: { 200: z.object({ conversation: conversationSchema }) },
      },
    },
    async (request) => ({
      conversation: await startConversation(ctx, principalOf(request), request.body.username, request.body.body),
    }),
  );

  routes.get(
    "/api/v1/conversations/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "One of my conversations",
        params: conversationParams,
        response: { 200: z.object({ conversation: conversationSchema }) },
      },
    },
    async (request) => ({
      conversation: presentConversation(await loadConversation(ctx, request.params.id, principalOf(request).userId)),
    }),
  );

  routes.get(
    "/api/v1/conversations/:id/messages",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "A conversation's messages, newest first (the cursor goes back in time)",
        params: conversationParams,
        querystring: pageQuerySchema,
        response: { 200: messagePageSchema },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      await loadConversation(ctx, request.params.id, userId);
      const { limit } = request.query;
      const rows = await listMessages(db, request.params.id, userId, {
        limit,
        before: decodeKeyset(request.query.cursor),
      });
      return pageFrom(rows, limit, presentMessage, (row) => ({ at: row.created_key, id: row.id }));
    },
  );

  routes.post(
    "/api/v1/conversations/:id/messages",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Send a message (plain text, up to 4,000 characters; 30 a minute)",
        params: conversationParams,
        body: sendMessageRequestSchema,
        response: { 201: z.object({ message: messageSchema }) },
      },
    },
    async (request, reply) => {
      const message = await sendMessage(ctx, principalOf(request), request.params.id, request.body.body);
      return reply.status(201).send({ message });
    },
  );

  routes.post(
    "/api/v1/conversations/:id/read",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Mark the conversation read up to now", params: conversationParams },
    },
    async (request, reply) => {
      await readConversation(ctx, request.params.id, principalOf(request).userId);
      return reply.status(204).send();
    },
  );

  routes.delete(
    "/api/v1/conversations/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Delete my copy of the conversation (the other person keeps theirs; a new message brings it back)",
        params: conversationParams,
      },
    },
    async (request, reply) => {
      await deleteMyCopyOfConversation(ctx, request.params.id, principalOf(request).userId);
      return reply.status(204).send();
    },
  );

  routes.delete(
    "/api/v1/conversations/:id/messages/:messageId",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Delete my copy of one message", params: messageParams },
    },
    async (request, reply) => {
      const { id, messageId } = request.params;
      await deleteMyCopyOfMessage(ctx, id, messageId, principalOf(request).userId);
      return reply.status(204).send();
    },
  );
}
