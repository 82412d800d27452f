import type { Notification, NotificationPage, NotificationSettings } from "@stave/contracts";
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { fetchConversations } from "../../messages/index.ts";
import {
  fetchNotificationSettings,
  fetchNotifications,
  markNotificationsRead,
  saveNotificationSettings,
} from "../services/notificationsApi.ts";
import { notificationKeys, type UnreadCounts } from "./notificationKeys.ts";

/** How many the header menu shows. */
export const LATEST_NOTIFICATIONS = 8;

type NotificationListData = InfiniteData<NotificationPage>;

async function fetchUnreadCounts(signal: AbortSignal): Promise<UnreadCounts> {
  const [notifications, conversations] = await Promise.all([
    fetchNotifications({ unreadOnly: true, limit: 1 }, signal),
    fetchConversations(undefined, signal, 1),
  ]);
  return { notifications: notifications.unreadCount, messages: conversations.unreadCount };
}

/** The header's two badges. The event stream keeps them current while the page is open. */
export function useUnreadCounts(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unreadCounts,
    queryFn: ({ signal }) => fetchUnreadCounts(signal),
    enabled,
  });
}

/** Sets one badge's count; with none loaded yet, asks for both. */
export function setUnreadCount(queryClient: QueryClient, kind: keyof UnreadCounts, count: number): void {
  const counts = queryClient.getQueryData<UnreadCounts>(notificationKeys.unreadCounts);
  if (counts) queryClient.setQueryData<UnreadCounts>(notificationKeys.unreadCounts, { ...counts, [kind]: count });
  else void queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCounts });
}

export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => fetchNotifications({ limit: LATEST_NOTIFICATIONS }, signal),
    enabled,
  });
}

export function useNotificationList(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) => fetchNotifications({ unreadOnly, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: NotificationPage) => last.nextCursor ?? undefined,
  });
}

export const allNotifications = (data: NotificationListData | undefined): Notification[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

/**
 * Marks some notifications read (`ids`), or all of them. The loaded lists show it at once;
 * the unread-only list keeps the items until it is next loaded, so nothing jumps away
 * from under the pointer.
 */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onSuccess: (unreadCount, ids) => {
      const readAt = new Date().toISOString();
      const wanted = ids ? new Set(ids) : null;
      const markPage = (page: NotificationPage): NotificationPage => ({
        ...page,
        unreadCount,
        items: page.items.map((item) =>
          !item.readAt && (!wanted || wanted.has(item.id)) ? { ...item, readAt } : item,
        ),
      });
      queryClient.setQueryData<NotificationPage>(notificationKeys.latest, (data) => (data ? markPage(data) : data));
      queryClient.setQueriesData<NotificationListData>({ queryKey: notificationKeys.lists }, (data) =>
        data ? { ...data, pages: data.pages.map(markPage) } : data,
      );
      setUnreadCount(queryClient, "notifications", unreadCount);
    },
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => fetchNotificationSettings(signal),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) => saveNotificationSettings(settings),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings, saved),
  });
}
