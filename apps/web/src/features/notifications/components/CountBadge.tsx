import { badgeCount } from "../notificationText.ts";

/** A small unread count for the header; read out as "3 unread". Nothing at zero. */
export function CountBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <span className="count-badge">
      {badgeCount(count)}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
