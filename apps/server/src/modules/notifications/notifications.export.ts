import { sql } from "kysely";
import { afterKey, exporter, isoTime, isoTimeOrNull, timeKey } from "../../platform/personal-data/exporter.ts";

/** `notifications.json`: the notifications the user received, oldest first. */
export const notificationsExporter = exporter({
  file: "notifications.json",
  recordType: "notification",
  format: "json",
  async *records(userId, { db, pages }) {
    const notifications = pages((after, limit) =>
      db
        .selectFrom("notifications as n")
        .select([
          "n.id",
          "n.kind",
          "n.subject_type",
          "n.subject_id",
          "n.data",
          "n.read_at",
          "n.created_at",
          timeKey(sql.ref<Date>("n.created_at")).as("key_at"),
          "n.id as key_id",
        ])
        .where("n.user_id", "=", userId)
        .where(afterKey(sql.ref<Date>("n.created_at"), sql.ref<string>("n.id"), after))
        .orderBy("n.created_at")
        .orderBy("n.id")
        .limit(limit)
        .execute(),
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
