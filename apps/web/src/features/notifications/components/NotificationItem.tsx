import type { Notification } from "@stave/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/dates.ts";
import { notificationPath } from "../notificationText.ts";

type NotificationItemProps = {
  notification: Notification;
  /** Following the link: the caller marks it read and may close a menu. */
  onOpen: (notification: Notification) => void;
  /** A button to mark it read without opening it (the full page has one). */
  onMarkRead?: (notification: Notification) => void;
  markingRead?: boolean;
};

/** One notification: its line (a link to what it is about), when, and whether it is new. */
export function NotificationItem({ notification, onOpen, onMarkRead, markingRead = false }: NotificationItemProps) {
  const path = notificationPath(notification);
  const unread = notification.readAt === null;
  return (
    <li className={unread ? "notification notification--unread" : "notification"}>
      <div className="notification__main">
        <p className="notification__text">
          {path ? (
            <Link to={path} onClick={() => onOpen(notification)}>
              {notification.text}
            </Link>
          ) : (
            notification.text
          )}
          {unread ? <span className="visually-hidden"> (unread)</span> : null}
        </p>
        <p className="notification__meta">
          <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
        </p>
      </div>
      {unread && onMarkRead ? (
        <button
          type="button"
          className="button button--secondary notification__mark"
          aria-label={`Mark “${notification.text}” read`}
          disabled={markingRead}
          onClick={() => onMarkRead(notification)}
        >
          Mark read
        </button>
      ) : null}
    </li>
  );
}
