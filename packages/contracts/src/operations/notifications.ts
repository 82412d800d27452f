import { z } from "zod";
import {
  MAX_STREAMS_PER_USER,
  markNotificationsReadRequestSchema,
  notificationPageSchema,
  notificationSettingsSchema,
} from "../notifications.ts";
import { operation } from "../operation.ts";
import { pageQuerySchema } from "../pagination.ts";

const tags = ["notifications"] as const;

/** My notifications, my email choices, and the live event stream of what happens to me. */
export const notificationsOperations = {
  list: operation({
    method: "GET",
    path: "/api/v1/me/notifications",
    summary: "My notifications, newest first, with the unread count",
    tags,
    access: "authenticated",
    query: pageQuerySchema.extend({ unread: z.stringbool().optional() }),
    response: { 200: notificationPageSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  markRead: operation({
    method: "POST",
    path: "/api/v1/me/notifications/read",
    summary: "Mark some (ids) or all of my notifications read",
    tags,
    access: "authenticated",
    body: markNotificationsReadRequestSchema,
    response: { 200: z.object({ unreadCount: z.number().int() }) },
    errors: ["VALIDATION_FAILED"],
  }),
  settings: operation({
    method: "GET",
    path: "/api/v1/me/notification-settings",
    summary: "Which notifications also come by email",
    tags,
    access: "authenticated",
    response: { 200: notificationSettingsSchema },
    errors: [],
  }),
  updateSettings: operation({
    method: "PUT",
    path: "/api/v1/me/notification-settings",
    summary: "Choose which notifications also come by email",
    tags,
    access: "authenticated",
    body: notificationSettingsSchema,
    response: { 200: notificationSettingsSchema },
    errors: ["VALIDATION_FAILED"],
  }),
  events: operation({
    method: "GET",
    path: "/api/v1/me/events",
    summary:
      "Server-Sent Events of what happens to me: `notification`, `message` and `read` events (see UserEvent), " +
      "in every open tab, whichever API process serves it. At most " +
      `${MAX_STREAMS_PER_USER} streams per user across all API processes: a newer one ends the oldest. ` +
      "The server ends a stream with a last `closed` event (`reason`: `replaced`, `signed_out` when its " +
      "session or token is revoked or expires, `account_closed` when the account is suspended or deleted)",
    tags,
    access: "authenticated",
    response: {},
    produces: "text/event-stream",
    errors: [],
  }),
};
