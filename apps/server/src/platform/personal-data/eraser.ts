import type { Transaction } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * One module's part of deleting an account at once: it removes the rows of its own tables
 * that belong to the account, inside the deletion's transaction (typed so, so that no eraser
 * can be called outside it). Like the exporters, each
 * module that owns the tables implements it; privacy only calls them in turn.
 */
export type AccountEraser = (trx: Transaction<DB>, userId: string) => Promise<void>;
