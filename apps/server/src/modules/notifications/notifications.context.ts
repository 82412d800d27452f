import type { UserEvent } from "@stave/contracts";
import type { Database } from "../../platform/db/database.ts";
import type { UserEventBus } from "../../platform/events/user-events.ts";
import type { RateLimiter } from "../../platform/http/rate-limit.ts";
import type { Logger } from "../../platform/logger.ts";

/**
 * What the user's event stream needs of the messages module. Messages sits above this module
 * (a new message notifies through it), so it hands these in by services.ts rather than being
 * imported from here.
 */
export interface MessageEvents {
  /** The `message` event of `messageId` as `userId` may read it now; null when they may not. */
  eventFor(messageId: string, userId: string): Promise<Extract<UserEvent, { type: "message" }> | null>;
  countUnread(userId: string): Promise<number>;
}

/** What notifications need: they reach people live and, if they wish, by mail. */
export interface NotificationsContext {
  database: Database;
  events: UserEventBus;
  limiter: RateLimiter;
  logger: Logger;
  publicUrl: string;
  siteName: string;
  /** The messages' events, which the same stream carries. */
  messages: MessageEvents;
}
