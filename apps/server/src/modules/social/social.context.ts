import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";

/** What likes, follows, comments and the feed need; built once in services.ts. */
export interface SocialContext {
  database: Database;
  limiter: RateLimiter;
  logger: Logger;
  /** For the mail a notification may send. */
  publicUrl: string;
  siteName: string;
}
