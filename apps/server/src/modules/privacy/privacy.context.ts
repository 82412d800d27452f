import type { Database } from "../../platform/db/database.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Storage } from "../../platform/storage/index.ts";
import type { AccountsContext } from "../accounts/index.ts";

export interface PrivacyContext {
  database: Database;
  storage: Storage;
  logger: Logger;
  publicUrl: string;
  siteName: string;
  /** Deleting an account checks its password and second factor the way sign-in does. */
  accounts: AccountsContext;
}
