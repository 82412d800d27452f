/**
 * The header's badges: unread notifications and unread messages. Notifications owns the
 * query; messages changes the count when a conversation is read or deleted, so the key
 * sits below both features.
 */
export const unreadCountsKey = ["notifications", "unread-counts"] as const;

export type UnreadCounts = { notifications: number; messages: number };
