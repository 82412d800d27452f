import { api, type NotificationPage, type NotificationSettings } from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

export const NOTIFICATIONS_PAGE_SIZE = 20;

type NotificationQuery = { unreadOnly?: boolean; cursor?: string; limit?: number };

export function fetchNotifications(
  { unreadOnly = false, cursor, limit = NOTIFICATIONS_PAGE_SIZE }: NotificationQuery,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const query = { limit, unread: unreadOnly ? "true" : undefined, cursor };
  return callApi(api.notifications.list, { query, signal });
}

/** Marks these notifications read, or all of them without `ids`; resolves to what is still unread. */
export async function markNotificationsRead(ids?: string[]): Promise<number> {
  return (await callApi(api.notifications.markRead, { body: ids ? { ids } : {} })).unreadCount;
}

export function fetchNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return callApi(api.notifications.settings, { signal });
}

export function saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings> {
  return callApi(api.notifications.updateSettings, { body: settings });
}
