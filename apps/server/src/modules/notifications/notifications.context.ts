import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";
import type { UserEventBus } from "./user-events.ts";

/** What notifications and messages need: both reach people live and, if they wish, by mail. */
export interface NotificationsContext {
  database: Database;
  events: UserEventBus;
  limiter: RateLimiter;
  logger: Logger;
  publicUrl: string;
  siteName: string;
}
