import type { Database } from "../../platform/db/database.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { MailSettings } from "../notifications/index.ts";

/** What messages need: the database, the sending limit, and the site's name and address for the notification mail. */
export interface MessagesContext extends MailSettings {
  database: Database;
  limiter: RateLimiter;
}
