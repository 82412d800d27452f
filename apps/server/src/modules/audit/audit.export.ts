import { sql } from "kysely";
import { exporter, isoTime, rowsByKey } from "../../platform/personal-data/exporter.ts";

/**
 * `security_events.json`: the audit entries of the account, the ones the user made and the
 * ones made on it, oldest first.
 */
export const securityEventsExporter = exporter({
  file: "security_events.json",
  recordType: "securityEvent",
  format: "json",
  async *records(userId, source) {
    const events = rowsByKey(
      source,
      source.db
        .selectFrom("audit_log as a")
        .select((eb) => {
          // An admin's action on the account: when and what, not the admin's address and
          // browser. (No actor, as in a failed sign-in, compares NULL: the row keeps both.)
          const someoneElse = eb("a.actor_id", "<>", userId);
          return [
            "a.id",
            "a.action",
            "a.target_type",
            "a.target_id",
            eb
              .case()
              .when(someoneElse)
              .then(sql.lit(null))
              .else(eb.fn<string | null>("host", ["a.ip"]))
              .end()
              .as("ip"),
            eb.case().when(someoneElse).then(sql.lit(null)).else(eb.ref("a.user_agent")).end().as("user_agent"),
            "a.metadata",
            "a.created_at",
          ];
        })
        .where((eb) =>
          eb.or([
            eb("a.actor_id", "=", userId),
            eb.and([eb("a.target_type", "=", "user"), eb("a.target_id", "=", userId)]),
          ]),
        ),
      { at: "a.created_at", id: "a.id" },
    );
    for await (const event of events) {
      yield {
        id: event.id,
        action: event.action,
        target_type: event.target_type,
        target_id: event.target_id,
        ip: event.ip,
        user_agent: event.user_agent,
        metadata: event.metadata,
        createdAt: isoTime(event.created_at),
      };
    }
  },
});
