import { z } from "zod";
import {
  conversationPageSchema,
  conversationSchema,
  messagePageSchema,
  messageSchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
} from "../notifications.ts";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";

const tags = ["messages"] as const;
const conversationParams = z.object({ id: z.uuid() });
const messageParams = conversationParams.extend({ messageId: z.uuid() });
const conversationResponse = z.object({ conversation: conversationSchema });

/** Private conversations between two people; someone else's conversation answers 404. */
export const messagesOperations = {
  conversations: operation({
    method: "GET",
    path: "/api/v1/conversations",
    summary: "My conversations, the latest active first, with unread counts",
    tags,
    access: "authenticated",
    query: pageQuerySchema,
    response: { 200: conversationPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  start: operation({
    method: "POST",
    path: "/api/v1/conversations",
    summary: "Open (or find) my conversation with a user, optionally sending a first message",
    tags,
    access: "authenticated",
    body: startConversationRequestSchema,
    response: { 200: conversationResponse },
    errors: [
      "NOT_FOUND",
      "VALIDATION_FAILED",
      "BAD_REQUEST",
      "MESSAGING_BLOCKED",
      "EMAIL_NOT_VERIFIED",
      "CONFLICT",
      "RATE_LIMITED",
    ],
  }),
  conversation: operation({
    method: "GET",
    path: "/api/v1/conversations/:id",
    summary: "One of my conversations",
    tags,
    access: "authenticated",
    params: conversationParams,
    response: { 200: conversationResponse },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  messages: operation({
    method: "GET",
    path: "/api/v1/conversations/:id/messages",
    summary: "A conversation's messages, newest first (the cursor goes back in time)",
    tags,
    access: "authenticated",
    params: conversationParams,
    query: pageQuerySchema,
    response: { 200: messagePageSchema },
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  send: operation({
    method: "POST",
    path: "/api/v1/conversations/:id/messages",
    summary: "Send a message (plain text, up to 4,000 characters; 30 a minute)",
    tags,
    access: "authenticated",
    params: conversationParams,
    body: sendMessageRequestSchema,
    response: { 201: z.object({ message: messageSchema }) },
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "EMAIL_NOT_VERIFIED", "MESSAGING_BLOCKED", "CONFLICT", "RATE_LIMITED"],
  }),
  markRead: operation({
    method: "POST",
    path: "/api/v1/conversations/:id/read",
    summary: "Mark the conversation read up to now",
    tags,
    access: "authenticated",
    params: conversationParams,
    response: {},
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  deleteConversation: operation({
    method: "DELETE",
    path: "/api/v1/conversations/:id",
    summary: "Delete my copy of the conversation (the other person keeps theirs; a new message brings it back)",
    tags,
    access: "authenticated",
    params: conversationParams,
    response: {},
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
  deleteMessage: operation({
    method: "DELETE",
    path: "/api/v1/conversations/:id/messages/:messageId",
    summary: "Delete my copy of one message",
    tags,
    access: "authenticated",
    params: messageParams,
    response: {},
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  }),
};
