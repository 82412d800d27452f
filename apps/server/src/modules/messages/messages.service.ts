import { publishUserEvent } from "../../platform/events/user-events.ts";
import type { Principal } from "../../platform/http/access.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import { findUserIdByUsername } from "../accounts/index.ts";
import { isBlockedBetween } from "../blocks/index.ts";
import { notify } from "../notifications/index.ts";
import type { MessagesContext } from "./messages.context.ts";
import { presentConversation, presentMessage } from "./messages.presenter.ts";
import {
  clearConversation,
  countUnreadMessages,
  findConversationFor,
  findMessageFor,
  hideMessage,
  insertMessage,
  markConversationRead,
  openConversation,
} from "./messages.repo.ts";

/** Enough for a lively chat, too few for a spam run. */
export const messageRateRule: RateRule = { name: "messages:user", limit: 30, windowSeconds: 60 };

/** The conversation if the caller is in it; 404 otherwise, so others' conversations do not exist. */
export async function loadConversation(ctx: MessagesContext, conversationId: string, userId: string) {
  const conversation = await findConversationFor(ctx.database.primary, conversationId, userId);
  if (!conversation) throw notFound("Conversation");
  return conversation;
}

function assertMaySend(principal: Principal) {
  if (!principal.isVerified)
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before sending messages");
}

/** Opens (or finds) my conversation with `username`, sending `body` first if given. */
export async function startConversation(
  ctx: MessagesContext,
  principal: Principal,
  username: string,
  body: string | undefined,
) {
  const db = ctx.database.primary;
  const otherId = await findUserIdByUsername(db, username);
  if (!otherId) throw notFound("User");
  if (otherId === principal.userId) throw new AppError("BAD_REQUEST", "You cannot message yourself");
  if (await isBlockedBetween(db, principal.userId, otherId)) {
    throw new AppError("MESSAGING_BLOCKED", "You cannot message this person");
  }
  const id = await db.transaction().execute((trx) => openConversation(trx, principal.userId, otherId));
  if (body !== undefined) await sendMessage(ctx, principal, id, body);
  return presentConversation(await loadConversation(ctx, id, principal.userId));
}

/**
 * Stores a message and tells both sides' open pages on commit; the recipient gets a
 * notification when it starts a new unread run in the conversation (not one per message).
 */
export async function sendMessage(ctx: MessagesContext, principal: Principal, conversationId: string, body: string) {
  assertMaySend(principal);
  const conversation = await loadConversation(ctx, conversationId, principal.userId);
  if (conversation.blocked) throw new AppError("MESSAGING_BLOCKED", "You cannot message this person");
  // The conversation outlives a deleted account (its messages stay, from "Deleted user"), but
  // nobody is there to read a new one: say so rather than answer 201 to a message into the void.
  if (conversation.other_deleted_at !== null) {
    throw new AppError("CONFLICT", "This person has deleted their account and can no longer receive messages");
  }
  await ctx.limiter.hit(messageRateRule, principal.userId);
  const recipientId = conversation.other_id;
  const message = await ctx.database.primary.transaction().execute(async (trx) => {
    const unreadBefore = await countUnreadMessages(trx, recipientId, conversationId);
    const inserted = await insertMessage(trx, conversationId, principal.userId, body);
    await publishUserEvent(trx, { userId: recipientId, type: "message", id: inserted.id });
    await publishUserEvent(trx, { userId: principal.userId, type: "message", id: inserted.id });
    if (unreadBefore === 0) {
      await notify(
        trx,
        {
          userId: recipientId,
          kind: "message",
          actorId: principal.userId,
          subject: { type: "conversation", id: conversationId },
        },
        ctx,
      );
    }
    return inserted;
  });
  return presentMessage(message);
}

export async function readConversation(ctx: MessagesContext, conversationId: string, userId: string) {
  await loadConversation(ctx, conversationId, userId);
  await ctx.database.primary.transaction().execute(async (trx) => {
    await markConversationRead(trx, conversationId, userId);
    await publishUserEvent(trx, { userId, type: "read" });
  });
}

export async function deleteMyCopyOfMessage(
  ctx: MessagesContext,
  conversationId: string,
  messageId: string,
  userId: string,
) {
  const message = await findMessageFor(ctx.database.primary, messageId, userId);
  if (!message || message.conversation_id !== conversationId) throw notFound("Message");
  await hideMessage(ctx.database.primary, messageId, userId);
}

export async function deleteMyCopyOfConversation(ctx: MessagesContext, conversationId: string, userId: string) {
  await loadConversation(ctx, conversationId, userId);
  await clearConversation(ctx.database.primary, conversationId, userId);
}
