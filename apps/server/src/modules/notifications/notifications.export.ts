import { exporter, isoTime, isoTimeOrNull, rowsByKey } from "../../platform/personal-data/exporter.ts";

/** `notifications.json`: the notifications the user received, oldest first. */
export const notificationsExporter = exporter({
  file: "notifications.json",
  recordType: "notification",
  format: "json",
  async *records(userId, source) {
    const notifications = rowsByKey(
      source,
      source.db
        .selectFrom("notifications as n")
        .select(["n.id", "n.kind", "n.subject_type", "n.subject_id", "n.data", "n.read_at", "n.created_at"])
        .where("n.user_id", "=", userId),
      { at: "n.created_at", id: "n.id" },
    );
    for await (const notification of notifications) {
      yield {
        id: notification.id,
        kind: notification.kind,
        subject_type: notification.subject_type,
        subject_id: notification.subject_id,
        data: notification.data,
        readAt: isoTimeOrNull(notification.read_at),
        createdAt: isoTime(notification.created_at),
      };
    }
  },
});
