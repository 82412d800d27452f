import type { Notification } from "@stave/contracts";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { PagedList } from "../../../components/PagedList.tsx";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { NotificationItem } from "../components/NotificationItem.tsx";
import { allNotifications, useMarkNotificationsRead, useNotificationList } from "../hooks/useNotificationQueries.ts";

/** /notifications, behind RequireAuth: everything, or only the unread (`?unread=1`), newest first. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get("unread") === "1";
  const list = useNotificationList(unreadOnly);
  const markRead = useMarkNotificationsRead();
  const filterId = useId();
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  const showUnreadOnly = (value: boolean) => setParams(value ? { unread: "1" } : {}, { replace: true });
  const markOne = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate([notification.id]);
  };

  return (
    <section className="page notifications-page">
      <div className="page__title-row">
        <h1>Notifications</h1>
        <button
          type="button"
          className="button button--secondary"
          disabled={unreadCount === 0 || markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
        >
          Mark all read
        </button>
      </div>
      <fieldset className="segmented" aria-describedby={filterId}>
        <legend className="visually-hidden">Show</legend>
        <label>
          <input type="radio" name="notification-filter" checked={!unreadOnly} onChange={() => showUnreadOnly(false)} />
          All
        </label>
        <label>
          <input type="radio" name="notification-filter" checked={unreadOnly} onChange={() => showUnreadOnly(true)} />
          Unread
        </label>
      </fieldset>
      <p id={filterId} className="notifications-page__count">
        {list.data ? (unreadCount === 1 ? "1 unread" : `${unreadCount} unread`) : null}
      </p>
      {markRead.isError ? <ErrorAlert>Couldn't mark them read. {errorMessage(markRead.error)}</ErrorAlert> : null}
      <PagedList
        query={list}
        loading="Loading your notifications…"
        what="your notifications"
        itemsOf={allNotifications}
        empty={unreadOnly ? "Nothing unread. You're all caught up." : "No notifications yet."}
      >
        {(items) => (
          <ul className="notification-list notification-list--page" aria-label="Notifications">
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={markOne}
                onMarkRead={markOne}
                markingRead={markRead.isPending && markRead.variables?.includes(notification.id) === true}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}
