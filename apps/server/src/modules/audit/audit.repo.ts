import type { AuditEntry } from "@stave/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.ts";

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listAuditEntries(db: Kysely<DB>, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit + 1);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.from) query = query.where("created_at", ">=", new Date(filter.from));
  if (filter.to) query = query.where("created_at", "<", new Date(filter.to));
  if (filter.cursor) {
    const [createdAt, id] = decodeCursor(filter.cursor, 2) as [string, string];
    query = query.where((eb) =>
      eb.or([
        eb("created_at", "<", new Date(createdAt)),
        eb.and([eb("created_at", "=", new Date(createdAt)), eb("id", "<", id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    actorId: row.actor_id,
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
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null,
  };
}
