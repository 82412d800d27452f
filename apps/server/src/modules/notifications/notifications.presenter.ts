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
    case "report_resolved":
      return describeReportOutcome(data);
    case "content_taken_down":
      return `${capitalise(moderatedContent(data, "your"))} was taken down by a moderator${typeof data.reason === "string" ? `: ${data.reason}` : ""}`;
    case "content_restored":
      return `${capitalise(moderatedContent(data, "your"))} was restored by a moderator`;
  }
}

const moderatedNouns: Record<string, string> = {
  track: "track",
  comment: "comment",
  playlist: "playlist",
  user: "account",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `your track "Harbour Lights"`, `the comment`: what moderation notices are about (data.subjectType, data.title). */
function moderatedContent(data: Record<string, unknown>, article: "your" | "the") {
  const noun = moderatedNouns[String(data.subjectType)] ?? "content";
  return typeof data.title === "string" ? `${article} ${noun} "${data.title}"` : `${article} ${noun}`;
}

/** What came of a report, for its reporter (data.outcome: taken_down, restored, no_action or dismissed). */
function describeReportOutcome(data: Record<string, unknown>) {
  const subject = moderatedContent(data, "the");
  switch (data.outcome) {
    case "taken_down":
      return `Thanks for your report: ${subject} was taken down`;
    case "restored":
      return `Your report was reviewed: ${subject} was restored`;
    default:
      return `Your report on ${subject} was reviewed; no action was taken`;
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
