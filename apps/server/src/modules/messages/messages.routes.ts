import { api } from "@stave/contracts";
import type { FastifyInstance } from "fastify";
import { principalOf } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { serve } from "../../platform/http/operations.ts";
import type { MessagesContext } from "./messages.context.ts";
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

/**
 * Conversations read from the primary: a message must never seem to vanish right after it was sent.
 * Cursors are the social lists' keysets: checked (a made-up one is a 400, not a 500), and
 * exact to the microsecond, so messages sent within one millisecond are not skipped.
 */
export function registerMessageRoutes(app: FastifyInstance, ctx: MessagesContext) {
  const messages = api.messages;
  const db = ctx.database.primary;

  serve(app, messages.conversations, async (request) => {
    const { userId } = principalOf(request);
    const { limit } = request.query;
    const rows = await listConversations(db, userId, { limit, after: decodeKeyset(request.query.cursor) });
    return {
      ...pageFrom(rows, limit, presentConversation, (row) => ({ at: row.last_message_key, id: row.id })),
      unreadCount: await countUnreadMessages(db, userId),
    };
  });

  serve(app, messages.start, async (request) => ({
    conversation: await startConversation(ctx, principalOf(request), request.body.username, request.body.body),
  }));

  serve(app, messages.conversation, async (request) => ({
    conversation: presentConversation(await loadConversation(ctx, request.params.id, principalOf(request).userId)),
  }));

  serve(app, messages.messages, async (request) => {
    const { userId } = principalOf(request);
    await loadConversation(ctx, request.params.id, userId);
    const { limit } = request.query;
    const rows = await listMessages(db, request.params.id, userId, {
      limit,
      before: decodeKeyset(request.query.cursor),
    });
    return pageFrom(rows, limit, presentMessage, (row) => ({ at: row.created_key, id: row.id }));
  });

  serve(app, messages.send, async (request, reply) => {
    const message = await sendMessage(ctx, principalOf(request), request.params.id, request.body.body);
    return reply.status(201).send({ message });
  });

  serve(app, messages.markRead, async (request, reply) => {
    await readConversation(ctx, request.params.id, principalOf(request).userId);
    return reply.status(204).send();
  });

  serve(app, messages.deleteConversation, async (request, reply) => {
    await deleteMyCopyOfConversation(ctx, request.params.id, principalOf(request).userId);
    return reply.status(204).send();
  });

  serve(app, messages.deleteMessage, async (request, reply) => {
    const { id, messageId } = request.params;
    await deleteMyCopyOfMessage(ctx, id, messageId, principalOf(request).userId);
    return reply.status(204).send();
  });
}
