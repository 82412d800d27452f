import { sql } from "kysely";
import type { NotificationHub } from "../../platform/db/notifications.ts";
import type { Executor } from "../../platform/jobs/index.ts";
import type { Logger } from "../../platform/logger.ts";
import type { ImmutableObjectCache } from "../../platform/storage/index.ts";

/**
 * Revoking media: a takedown moves a track's published HLS to a fresh prefix, so every URL
 * signed for the old one 404s wherever it is served (nginx reads the disk, which no longer
 * has it). Node's media route also keeps hot segments in memory, in every API process: this
 * channel tells each of them to forget the old prefix.
 */
export const MEDIA_REVOKED_CHANNEL = "media_revoked";

/** Announces, once `db`'s transaction commits, that nothing under `prefix` may be served any more. */
export async function announceRevokedMedia(db: Executor, prefix: string) {
  await sql`SELECT pg_notify(${MEDIA_REVOKED_CHANNEL}, ${JSON.stringify({ prefix })})`.execute(db);
}

/**
 * Keeps this process's media cache in step with revocations made by any process. It
 * subscribes on the first media request: until something is cached there is nothing to evict.
 */
export class MediaRevocationListener {
  private subscription: Promise<void> | null = null;

  constructor(
    private readonly hub: NotificationHub,
    private readonly cache: ImmutableObjectCache,
    private readonly logger: Logger,
  ) {}

  /** Resolves once revocations reach this process; a failure is retried by the next call. */
  listening(): Promise<void> {
    this.subscription ??= this.hub
      .subscribe(MEDIA_REVOKED_CHANNEL, (payload) => this.revoke(payload))
      .then(() => {
        // Revocations sent while the connection was down are lost: drop everything instead.
        this.hub.onReconnect(() => this.cache.clear());
      })
      .catch((error: unknown) => {
        this.subscription = null;
        throw error;
      });
    return this.subscription;
  }

  private revoke(payload: string) {
    try {
      const { prefix } = JSON.parse(payload) as { prefix?: unknown };
      if (typeof prefix === "string" && prefix.endsWith("/")) this.cache.evictPrefix(prefix);
    } catch (error) {
      this.logger.warn({ err: error }, "unreadable media revocation; clearing the media cache");
      this.cache.clear();
    }
  }
}
