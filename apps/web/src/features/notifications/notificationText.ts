import type { Notification, NotificationKind } from "@stave/contracts";

/** Where a notification leads in the app, or null when it is only news. */
export function notificationPath(notification: Notification): string | null {
  const { subject, actor } = notification;
  if (subject) {
    const id = encodeURIComponent(subject.id);
    switch (subject.type) {
      case "track":
        return `/tracks/${id}`;
      case "conversation":
        return `/messages/${id}`;
      case "playlist":
        return `/playlists/${id}`;
      case "export":
        return "/settings/privacy";
    }
  }
  // A new follower: who it is.
  if (actor) return `/creators/${encodeURIComponent(actor.username)}`;
  return null;
}

/** What each kind is called in the email settings. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  follow: "Someone follows me",
  like: "Someone likes my track or playlist",
  comment: "Someone comments on my track",
  repost: "Someone reposts my track",
  message: "Someone sends me a message",
  new_track: "A creator I follow releases a track",
  export_ready: "My data export is ready",
  report_resolved: "A report I made is resolved",
  content_taken_down: "A moderator takes down something of mine",
  content_restored: "Something of mine is restored",
  track_ready: "My upload is processed",
  track_failed: "My upload could not be processed",
};

/** "3", or "99+" when there are more than fit in a badge. */
export const badgeCount = (count: number) => (count > 99 ? "99+" : String(count));
