import type { AuditEntry } from "@stave/contracts";
import type { Kysely } from "kysely";
import { csvLine as line } from "../../platform/csv.ts";
import type { DB } from "../../platform/db/schema.ts";
import { type AuditFilter, listAuditEntries } from "./audit.repo.ts";

/** Rows fetched per query while streaming: the export never holds the whole log in memory. */
const PAGE_SIZE = 500;

const columns: [string, (entry: AuditEntry) => string | null | undefined][] = [
  ["created_at", (entry) => entry.createdAt],
  ["action", (entry) => entry.action],
  ["actor_id", (entry) => entry.actorId],
  ["actor_username", (entry) => entry.actorUsername],
  ["target_type", (entry) => entry.targetType],
  ["target_id", (entry) => entry.targetId],
  ["ip", (entry) => entry.ip],
  ["user_agent", (entry) => entry.userAgent],
  ["metadata", (entry) => JSON.stringify(entry.metadata)],
  ["id", (entry) => entry.id],
];

/** The filtered log as CSV lines, newest first, a header row first; fetched a page at a time. */
export async function* auditCsvLines(db: Kysely<DB>, filter: Omit<AuditFilter, "limit" | "cursor">) {
  yield line(columns.map(([name]) => name));
  let cursor: string | undefined;
  do {
    const page = await listAuditEntries(db, { ...filter, limit: PAGE_SIZE, cursor });
    if (page.items.length > 0) yield page.items.map((entry) => line(columns.map(([, value]) => value(entry)))).join("");
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
