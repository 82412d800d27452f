import type { NotificationPage, UserEvent } from "@stave/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { appendToThread, messageKeys } from "../../messages/index.ts";
import { notificationKeys, type UnreadCounts } from "../hooks/notificationKeys.ts";
import { LATEST_NOTIFICATIONS, setUnreadCount } from "../hooks/useNotificationQueries.ts";

/**
 * What a live event changes in the cache: the badges at once, a message in its open
 * thread at once, and the lists that show it are refetched (only those on screen are).
 */
export function applyUserEvent(queryClient: QueryClient, event: UserEvent): void {
  switch (event.type) {
    case "notification": {
      setUnreadCount(queryClient, "notifications", event.unreadCount);
      queryClient.setQueryData<NotificationPage>(notificationKeys.latest, (data) =>
        data && !data.items.some((item) => item.id === event.notification.id)
          ? {
              ...data,
              unreadCount: event.unreadCount,
              items: [event.notification, ...data.items].slice(0, LATEST_NOTIFICATIONS),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
      return;
    }
    case "message": {
      setUnreadCount(queryClient, "messages", event.unreadMessages);
      appendToThread(queryClient, event.message);
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversation(event.conversationId) });
      return;
    }
    case "read": {
      const before = queryClient.getQueryData<UnreadCounts>(notificationKeys.unreadCounts);
      queryClient.setQueryData<UnreadCounts>(notificationKeys.unreadCounts, {
        notifications: event.unreadNotifications,
        messages: event.unreadMessages,
      });
      // Read in another tab: the lists here still show it unread. (The stream's first
      // event is a `read` with the counts just loaded: nothing to refetch then.)
      if (before && before.notifications !== event.unreadNotifications) {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.latest });
        void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
      }
      if (before && before.messages !== event.unreadMessages) {
        void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
        void queryClient.invalidateQueries({ queryKey: messageKeys.conversationDetails });
      }
      return;
    }
  }
}

/** After a gap in the stream: whatever is on screen may have missed events. */
export function refreshAfterGap(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  void queryClient.invalidateQueries({ queryKey: messageKeys.all });
}
