import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";
import type { MediaMoverDeps } from "../tracks/index.ts";

/** What reports, the queue and takedowns need; built once in services.ts. */
export interface ModerationContext {
  database: Database;
  limiter: RateLimiter;
  logger: Logger;
  /** A takedown moves a track's published media (storage, the in-memory media cache). */
  media: MediaMoverDeps;
  /** For the mail a notification may send. */
  publicUrl: string;
  siteName: string;
}
