import {
  type NotificationPage,
  type NotificationSettings,
  notificationPageSchema,
  notificationSettingsSchema,
} from "@stave/contracts";
import { apiRequest, type Schema } from "../../../lib/api.ts";

export const NOTIFICATIONS_PAGE_SIZE = 20;

type NotificationQuery = { unreadOnly?: boolean; cursor?: string; limit?: number };

export function fetchNotifications(
  { unreadOnly = false, cursor, limit = NOTIFICATIONS_PAGE_SIZE }: NotificationQuery,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (unreadOnly) query.set("unread", "true");
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/api/v1/me/notifications?${query}`, { schema: notificationPageSchema, signal });
}

// The contracts declare this reply inline on the route; checked by hand rather than adding zod here.
const unreadCountSchema: Schema<{ unreadCount: number }> = {
  parse(data) {
    const count = (data as { unreadCount?: unknown } | null)?.unreadCount;
    if (typeof count !== "number" || !Number.isInteger(count)) throw new Error("unexpected reply: no unreadCount");
    return { unreadCount: count };
  },
};

/** Marks these notifications read, or all of them without `ids`; resolves to what is still unread. */
export async function markNotificationsRead(ids?: string[]): Promise<number> {
  const reply = await apiRequest("/api/v1/me/notifications/read", {
    method: "POST",
    body: ids ? { ids } : {},
    schema: unreadCountSchema,
  });
  return reply.unreadCount;
}

export function fetchNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest("/api/v1/me/notification-settings", { schema: notificationSettingsSchema, signal });
}

export function saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings> {
  return apiRequest("/api/v1/me/notification-settings", {
    method: "PUT",
    body: settings,
    schema: notificationSettingsSchema,
  });
}
