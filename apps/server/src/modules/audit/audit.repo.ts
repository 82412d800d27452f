import type { AuditEntry } from "@stave/contracts";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { beforeKeyset, decodeKeyset, pageFrom, timeKey } from "../../platform/http/cursor.ts";

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

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("users.username as actor_username")
    // The cursor keeps the microseconds: a millisecond ISO string would skip rows written in the same millisecond.
    .select(timeKey(sql.ref<Date>("audit_log.created_at")).as("sort_at"));
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
  const after = decodeKeyset(filter.cursor);
  if (after)
    query = query.where(beforeKeyset(sql.ref<Date>("audit_log.created_at"), sql.ref<string>("audit_log.id"), after));
  return query;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listAuditEntries(db: Kysely<DB>, filter: AuditFilter): Promise<AuditPage> {
  const rows = await filtered(db, filter)
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  const present = (row: (typeof rows)[number]): AuditEntry => ({
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
  });
  return pageFrom(rows, filter.limit, present, (row) => ({ at: row.sort_at, id: row.id }));
}

/** Erases the network addresses and browsers of the account's entries, as actor or as target (its hard delete). */
export async function eraseAuditAddressesOf(db: Kysely<DB>, userId: string) {
  await db
    .updateTable("audit_log")
    .set({ ip: null, user_agent: null })
    .where((eb) =>
      eb.or([eb("actor_id", "=", userId), eb.and([eb("target_type", "=", "user"), eb("target_id", "=", userId)])]),
    )
    .execute();
}
