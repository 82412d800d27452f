/** Every cached notifications query lives under ["notifications"]. */
export const notificationKeys = {
  all: ["notifications"] as const,
  /** The header's badges: unread notifications and unread messages, kept live by the event stream. */
  unreadCounts: ["notifications", "unread-counts"] as const,
  /** The header menu's few latest. */
  latest: ["notifications", "latest"] as const,
  /** The /notifications page's lists, all and unread only. */
  lists: ["notifications", "list"] as const,
  list: (unreadOnly: boolean) => ["notifications", "list", { unreadOnly }] as const,
  settings: ["notifications", "settings"] as const,
};

export type UnreadCounts = { notifications: number; messages: number };
