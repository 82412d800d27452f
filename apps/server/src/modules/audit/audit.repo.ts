import type { AuditEntry } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.ts";
import { AppError } from "../../platform/http/errors.ts";

export interface AuditFilter {
  actorId?: string | undefined;
  /** A username or an email address: the entries of that account. */
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Exact, or every action that starts with it when it ends with a dot (`admin.`). */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

const SORT_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalidCursor = () =>
  new AppError("VALIDATION_FAILED", "The cursor is not valid", [
    { path: "querystring.cursor", message: "malformed cursor" },
  ]);

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("users.username as actor_username")
    // The cursor keeps the microseconds: a millisecond ISO string would skip rows written in the same millisecond.
    .select(
      sql<string>`to_char(audit_log.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("sort_at"),
    );
  if (filter.actorId) query = query.where("audit_log.actor_id", "=", filter.actorId);
  if (filter.actor) {
    const login = filter.actor.toLowerCase();
    // Emails and usernames are stored lower-case; an unknown actor matches nothing.
    query = query.where("audit_log.actor_id", "in", (eb) =>
      eb
        .selectFrom("users as actor")
        .select("actor.id")
        .where((w) => w.or([w("actor.username", "=", login), w("actor.email", "=", login)])),
    );
  }
  if (filter.targetType) query = query.where("audit_log.target_type", "=", filter.targetType);
  if (filter.targetId) query = query.where("audit_log.target_id", "=", filter.targetId);
  if (filter.action?.endsWith(".")) {
    // starts_with, not LIKE: action names hold underscores, which LIKE would treat as wildcards.
    query = query.where(sql<boolean>`starts_with(audit_log.action, ${filter.action})`);
  } else if (filter.action) {
    query = query.where("audit_log.action", "=", filter.action);
  }
  if (filter.from) query = query.where("audit_log.created_at", ">=", new Date(filter.from));
  if (filter.to) query = query.where("audit_log.created_at", "<", new Date(filter.to));
  if (filter.cursor) {
    const [sortAt, id] = decodeCursor(filter.cursor, 2) as [string, string];
    if (!SORT_AT.test(sortAt) || !UUID.test(id)) throw invalidCursor();
    const at = sql<Date>`${sortAt}::timestamptz`;
    query = query.where((eb) =>
      eb.or([
        eb("audit_log.created_at", "<", at),
        eb.and([eb("audit_log.created_at", "=", at), eb("audit_log.id", "<", id)]),
      ]),
    );
  }
  return query;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listAuditEntries(db: Kysely<DB>, filter: AuditFilter): Promise<AuditPage> {
  const rows = await filtered(db, filter)
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    userAgent: row.user_agent,
    metadata: row.metadata,
    createdAt: new Date(row.created_at).toISOString(),
  }));
  return {
    items,
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last.sort_at, last.id]) : null,
  };
}
