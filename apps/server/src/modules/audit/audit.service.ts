import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { Logger } from "../../platform/logger.ts";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Record<string, unknown>;
}

/**
 * Records a security-relevant action. Called after the action committed, so a failure
 * here is logged and swallowed: the action must not be reported as failed.
 */
export async function recordAudit(db: Kysely<DB>, logger: Logger, entry: AuditEntry): Promise<void> {
  try {
    await db
      .insertInto("audit_log")
      .values({
        actor_id: entry.actorId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        ip: entry.ip ?? null,
        user_agent: entry.userAgent?.slice(0, 512) ?? null,
        metadata: JSON.stringify(entry.metadata ?? {}),
      })
      .execute();
  } catch (error) {
    logger.error({ err: error, action: entry.action }, "audit write failed");
  }
}
