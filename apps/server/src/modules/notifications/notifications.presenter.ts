import type { Notification, NotificationKind } from "@stave/contracts";
import type { NotificationRow } from "./notifications.repo.ts";

const DELETED_USER = "Deleted user";

/** The line a notification shows, in plain text (the web app renders it escaped). */
export function describeNotification(kind: NotificationKind, actorName: string | null, data: Record<string, unknown>) {
  const who = actorName ?? DELETED_USER;
  const title = typeof data.title === "string" ? `"${data.title}"` : "your track";
  switch (kind) {
    case "follow":
      return `${who} followed you`;
    case "like":
      return `${who} liked ${title}`;
    case "comment":
      return `${who} commented on ${title}`;
    case "repost":
      return `${who} reposted ${title}`;
    case "message":
      return `${who} sent you a message`;
    case "new_track":
      return `${who} released ${title}`;
    case "export_ready":
      return "Your data export is ready to download";
    case "track_ready":
      return `${title} is processed and ready to play`;
    case "track_failed":
      return `${title} could not be processed${typeof data.reason === "string" ? `: ${data.reason}` : ""}`;
  }
}

export function presentNotification(row: NotificationRow): Notification {
  const kind = row.kind as NotificationKind;
  const actor =
    row.actor_id && row.actor_username
      ? { id: row.actor_id, username: row.actor_username, displayName: row.actor_display_name }
      : null;
  return {
    id: row.id,
    kind,
    actor,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    text: describeNotification(kind, actor ? (actor.displayName ?? actor.username) : null, row.data),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
