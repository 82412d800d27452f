import type { NotificationKind } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { publishUserEvent } from "../../platform/events/user-events.ts";
import { composeMail, queueMail } from "../../platform/mail/index.ts";
import { findMailAddress, findShownName } from "../accounts/index.ts";
import { isBlockedBetween } from "../blocks/index.ts";
import { describeNotification } from "./notifications.presenter.ts";
import { emailKindsOf, subjectHiddenFrom } from "./notifications.repo.ts";

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId?: string | null;
  subject?: { type: string; id: string } | null;
  /** What the text needs, as it is now (a track's title). */
  data?: Record<string, unknown>;
}

/**
 * What a notice about a track or playlist carries: the link to it, and its title as it is now
 * (with `data`'s extras, as a comment's id).
 */
export const noticeAbout = (
  type: "track" | "playlist",
  { id, title }: { id: string; title: string },
  data: Record<string, unknown> = {},
): Pick<NewNotification, "subject" | "data"> => ({ subject: { type, id }, data: { title, ...data } });

export interface MailSettings {
  siteName: string;
  publicUrl: string;
}

/** Kinds the user asked for by an explicit action (an export), so they are mailed regardless of settings. */
const ALWAYS_MAILED: ReadonlySet<NotificationKind> = new Set(["export_ready"]);

/** Where a notification leads in the web app. */
function linkFor(publicUrl: string, subject: NewNotification["subject"]) {
  switch (subject?.type) {
    case "track":
      return `${publicUrl}/tracks/${subject.id}`;
    case "conversation":
      return `${publicUrl}/messages/${subject.id}`;
    case "export":
      return `${publicUrl}/api/v1/me/exports/${subject.id}/download`;
    default:
      return `${publicUrl}/notifications`;
  }
}

/** The list's visibility check (notifications.repo.ts), on a notification not yet recorded. */
async function subjectHidden(db: Kysely<DB>, notification: NewNotification, data: Record<string, unknown>) {
  if (!notification.subject) return false;
  const { rows } = await sql<{ hidden: boolean }>`SELECT ${subjectHiddenFrom(notification.userId, {
    kind: sql.val(notification.kind),
    subjectType: sql.val(notification.subject.type),
    subjectId: sql.val(notification.subject.id),
    commentId: sql.val(typeof data.commentId === "string" ? data.commentId : null),
  })} AS hidden`.execute(db);
  return rows[0]?.hidden === true;
}

/**
 * Records a notification in the caller's transaction (so it exists exactly when what it
 * tells of does), announces it to the user's open pages on commit, and mails it if they
 * opted in to that kind. Nobody is notified of their own doing, nor by someone they blocked,
 * nor of content they may not see (it turned private while a fan-out ran): the list would hide
 * it, but its live event and its mail would tell its title.
 */
export async function notify(db: Kysely<DB>, notification: NewNotification, mail: MailSettings): Promise<void> {
  const { userId, actorId = null } = notification;
  if (actorId === userId) return;
  if (actorId && (await isBlockedBetween(db, userId, actorId))) return;
  const data = notification.data ?? {};
  if (await subjectHidden(db, notification, data)) return;
  const { id } = await db
    .insertInto("notifications")
    .values({
      user_id: userId,
      kind: notification.kind,
      actor_id: actorId,
      subject_type: notification.subject?.type ?? null,
      subject_id: notification.subject?.id ?? null,
      data: JSON.stringify(data),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await publishUserEvent(db, { userId, type: "notification", id });

  const mailed = ALWAYS_MAILED.has(notification.kind) || (await emailKindsOf(db, userId)).includes(notification.kind);
  if (!mailed) return;
  const recipientEmail = await findMailAddress(db, userId);
  if (!recipientEmail) return;
  const actorName = actorId ? await findShownName(db, actorId) : null;
  const text = describeNotification(notification.kind, actorName, data);
  await queueMail(
    db,
    recipientEmail,
    composeMail({
      siteName: mail.siteName,
      subject: text,
      paragraphs: [
        `${text}.`,
        ALWAYS_MAILED.has(notification.kind)
          ? "You get this mail because you asked for it."
          : "You get this mail because you asked for it in your notification settings.",
      ],
      action: { label: `Open ${mail.siteName}`, url: linkFor(mail.publicUrl, notification.subject) },
    }),
  );
}
