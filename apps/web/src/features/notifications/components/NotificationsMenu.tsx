import type { Notification } from "@stave/contracts";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { errorMessage } from "../../../lib/errorMessage.ts";
import { useLatestNotifications, useMarkNotificationsRead } from "../hooks/useNotificationQueries.ts";
import { CountBadge } from "./CountBadge.tsx";
import { NotificationItem } from "./NotificationItem.tsx";

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell: the unread count, and a disclosure with the latest notifications,
 * each a link to what it is about. Escape, a click elsewhere or following a link closes it.
 */
export function NotificationsMenu({ unreadCount }: { unreadCount: number | undefined }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const latest = useLatestNotifications(open);
  const markRead = useMarkNotificationsRead();

  // Following a link inside (or Back) lands on another page: the menu has done its job.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation on purpose
  useEffect(() => setOpen(false), [location.key]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const openNotification = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate([notification.id]);
  };
  const items = latest.data?.items ?? [];

  return (
    <div className="notifications-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="header-button header-inbox__item notifications-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        <BellIcon />
        <span className="visually-hidden">Notifications</span> <CountBadge count={unreadCount} />
      </button>
      <section id={panelId} className="popover notifications-menu__panel" aria-labelledby={titleId} hidden={!open}>
        {open ? (
          <>
            <div className="notifications-menu__head">
              <h2 id={titleId}>Notifications</h2>
              <button
                type="button"
                className="link-button"
                disabled={!unreadCount || markRead.isPending}
                onClick={() => markRead.mutate(undefined)}
              >
                Mark all read
              </button>
            </div>
            {markRead.isError ? (
              <p role="alert" className="notifications-menu__error">
                Couldn't mark them read. {errorMessage(markRead.error)}
              </p>
            ) : null}
            {latest.isPending ? <p className="loading">Loading…</p> : null}
            {latest.isError ? (
              <p role="alert" className="notifications-menu__error">
                We couldn't load your notifications. {errorMessage(latest.error)}
              </p>
            ) : null}
            {latest.isSuccess && items.length === 0 ? (
              <p className="empty-state">Nothing new. You're all caught up.</p>
            ) : null}
            {items.length > 0 ? (
              <ul className="notification-list" aria-labelledby={titleId}>
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} onOpen={openNotification} />
                ))}
              </ul>
            ) : null}
            <p className="notifications-menu__all">
              <Link to="/notifications">See all notifications</Link>
            </p>
          </>
        ) : null}
      </section>
    </div>
  );
}
