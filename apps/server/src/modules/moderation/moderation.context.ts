import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TracksContext } from "../tracks/tracks.context.ts";

/** What reports, the queue and takedowns need; built once in services.ts. */
export interface ModerationContext {
  database: Database;
  limiter: RateLimiter;
  logger: Logger;
  /**
   * Who may see a track is the tracks module's rule, and a takedown moves its published
   * media (storage, the in-memory media cache). Its site name and URL address the mail a
   * notification may send.
   */
  tracks: TracksContext;
}
