import type { Database } from "../../platform/db/database.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import type { Logger } from "../../platform/logger.ts";
import { recordAudit } from "../audit/index.ts";

/** What the user-administration actions need; the CLI has these without the HTTP app. */
export interface AdminDeps {
  database: Database;
  logger: Logger;
}

/** Who acts: an admin signed in to the API, or the operator at the `stave admin` command line. */
export type AdminActor = ({ userId: string } & RequestMeta) | { cli: true };

export const CLI_OPERATOR: AdminActor = { cli: true };

export const isActor = (actor: AdminActor, userId: string) => "userId" in actor && actor.userId === userId;

/** Every admin action on an account leaves an audit row: the admin as actor, the account as target. */
export async function auditAdminAction(
  deps: AdminDeps,
  actor: AdminActor,
  action: string,
  targetUserId: string,
  metadata: Record<string, unknown> = {},
) {
  await recordAudit(deps.database.primary, deps.logger, {
    actorId: "userId" in actor ? actor.userId : null,
    action,
    targetType: "user",
    targetId: targetUserId,
    ...("userId" in actor && { ip: actor.ip, userAgent: actor.userAgent }),
    metadata: "cli" in actor ? { ...metadata, via: "cli" } : metadata,
  });
}
