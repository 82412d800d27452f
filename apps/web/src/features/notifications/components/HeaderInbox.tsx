import { NavLink } from "react-router";
import { useMe } from "../../auth/index.ts";
import { useUnreadCounts } from "../hooks/useNotificationQueries.ts";
import { useUserEvents } from "../live/useUserEvents.ts";
import { CountBadge } from "./CountBadge.tsx";
import { NotificationsMenu } from "./NotificationsMenu.tsx";

/**
 * The header's notifications bell and Messages link with their unread counts, for a
 * signed-in user. It also holds the page's one live connection, which keeps every count,
 * list and open thread current.
 */
export function HeaderInbox() {
  const signedIn = Boolean(useMe().data);
  useUserEvents();
  const counts = useUnreadCounts(signedIn);
  if (!signedIn) return null;
  return (
    <div className="header-inbox">
      <NavLink to="/messages" className="header-button header-inbox__item">
        Messages <CountBadge count={counts.data?.messages} />
      </NavLink>
      <NotificationsMenu unreadCount={counts.data?.notifications} />
    </div>
  );
}
