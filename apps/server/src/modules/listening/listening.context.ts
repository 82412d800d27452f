import type { Secrets } from "../../platform/crypto.ts";
import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";

export interface ListeningContext {
  database: Database;
  /** Keys listeners' identities (listener keys are HMACs, never raw ids or addresses). */
  secrets: Secrets;
  limiter: RateLimiter;
  logger: Logger;
}
