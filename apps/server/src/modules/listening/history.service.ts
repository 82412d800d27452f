import type { HistoryPage, PageQuery } from "@stave/contracts";
import type { Database } from "../../platform/db/database.ts";
import type { Principal } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { notFound } from "../../platform/http/errors.ts";
import { clearHistory, deleteHistoryEntry, listHistory } from "./history.repo.ts";
import { presentHistoryEntry } from "./listening.presenter.ts";

/** My history, newest first. My own data, which I may have just written: read from the primary. */
export async function getHistory(database: Database, principal: Principal, page: PageQuery): Promise<HistoryPage> {
  const rows = await listHistory(
    database.primary,
    { userId: principal.userId, role: principal.role },
    { limit: page.limit, after: decodeKeyset(page.cursor) },
  );
  return pageFrom(rows, page.limit, presentHistoryEntry, (row) => ({ at: row.played_at_key, id: row.entry_id }));
}

/** Removes one entry of mine; the play it records still counts. Someone else's entry is a 404. */
export async function removeHistoryEntry(database: Database, userId: string, entryId: string): Promise<void> {
  if (!(await deleteHistoryEntry(database.primary, userId, entryId))) throw notFound("History entry");
}

export function clearMyHistory(database: Database, userId: string): Promise<number> {
  return clearHistory(database.primary, userId);
}
