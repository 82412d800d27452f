import { unreadCountsKey } from "../../../lib/unreadCounts.ts";

export type { UnreadCounts } from "../../../lib/unreadCounts.ts";

/** Every cached notifications query lives under ["notifications"]. */
export const notificationKeys = {
  all: ["notifications"] as const,
  /** The header's badges, kept live by the event stream. */
  unreadCounts: unreadCountsKey,
  /** The header menu's few latest. */
  latest: ["notifications", "latest"] as const,
  /** The /notifications page's lists, all and unread only. */
  lists: ["notifications", "list"] as const,
  list: (unreadOnly: boolean) => ["notifications", "list", { unreadOnly }] as const,
  settings: ["notifications", "settings"] as const,
};
