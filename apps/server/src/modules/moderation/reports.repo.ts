import type { ReportCategory, ReportSubjectType } from "@stave/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { type Keyset, timeKey } from "../../platform/http/cursor.ts";

export interface Subject {
  type: ReportSubjectType;
  id: string;
}

export interface NewReport {
  reporterId: string;
  subject: Subject;
  subjectOwnerId: string;
  category: ReportCategory;
  details: string;
}

/** PostgreSQL's unique_violation: here, the reporter's open report on the same subject. */
const UNIQUE_VIOLATION = "23505";

/** The new report's id, or null when the reporter already has one open on this subject. */
export async function insertReport(db: Kysely<DB>, report: NewReport): Promise<string | null> {
  try {
    const row = await db
      .insertInto("reports")
      .values({
        reporter_id: report.reporterId,
        subject_type: report.subject.type,
        subject_id: report.subject.id,
        subject_owner_id: report.subjectOwnerId,
        category: report.category,
        details: report.details,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
    throw error;
  }
}

/**
 * The report, locked until the transaction ends, so two moderators cannot close it twice.
 * Resolving closes every open report on the same subject, so those are locked too, all in
 * id order: two moderators resolving two reports on one subject at once would otherwise
 * each hold their own and wait for the other's (a deadlock, answered 500). Now the second
 * waits, then finds its report closed. A row changed meanwhile is re-read once it is free.
 */
export async function lockReport(trx: Transaction<DB>, id: string) {
  const { rows } = await sql<{ id: string; status: string; subject_type: ReportSubjectType; subject_id: string }>`
    SELECT r.id, r.status, r.subject_type, r.subject_id
      FROM reports r
      JOIN reports target ON target.id = ${id}
     WHERE r.subject_type = target.subject_type AND r.subject_id = target.subject_id
       AND (r.status = 'open' OR r.id = target.id)
     ORDER BY r.id
       FOR UPDATE OF r`.execute(trx);
  return rows.find((row) => row.id === id);
}

export interface Closing {
  status: "resolved" | "dismissed";
  outcome: "taken_down" | "restored" | "no_action" | null;
  note: string;
  resolverId: string;
}

/** Closes every open report on the subject the same way; their ids and reporters. */
export async function closeOpenReports(trx: Transaction<DB>, subject: Subject, closing: Closing) {
  return trx
    .updateTable("reports")
    .set({
      status: closing.status,
      outcome: closing.outcome,
      resolution_note: closing.note,
      resolver_id: closing.resolverId,
      resolved_at: sql<Date>`now()`,
    })
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .where("status", "=", "open")
    .returning(["id", "reporter_id"])
    .execute();
}

const withPeople = (db: Kysely<DB>) =>
  db
    .selectFrom("reports as r")
    .leftJoin("users as ru", "ru.id", "r.reporter_id")
    .leftJoin("user_profiles as rp", "rp.user_id", "r.reporter_id")
    .leftJoin("users as mu", "mu.id", "r.resolver_id")
    .leftJoin("user_profiles as mp", "mp.user_id", "r.resolver_id")
    .leftJoin("users as ou", "ou.id", "r.subject_owner_id")
    .leftJoin("user_profiles as op", "op.user_id", "r.subject_owner_id")
    .select([
      "r.id",
      "r.status",
      "r.category",
      "r.details",
      "r.subject_type",
      "r.subject_id",
      "r.outcome",
      "r.resolution_note",
      "r.created_at",
      "r.resolved_at",
      timeKey(sql.ref<Date>("r.created_at")).as("created_key"),
      "r.reporter_id",
      "ru.username as reporter_username",
      "rp.display_name as reporter_display_name",
      "r.resolver_id",
      "mu.username as resolver_username",
      "mp.display_name as resolver_display_name",
      "r.subject_owner_id",
      "ou.username as subject_owner_username",
      "op.display_name as subject_owner_display_name",
    ]);

export type ReportRow = Awaited<ReturnType<ReturnType<typeof withPeople>["executeTakeFirstOrThrow"]>>;

export async function findReport(db: Kysely<DB>, id: string): Promise<ReportRow | undefined> {
  return withPeople(db).where("r.id", "=", id).executeTakeFirst();
}

export interface ReportListQuery {
  status: "open" | "resolved" | "dismissed";
  subjectType?: ReportSubjectType | undefined;
  limit: number;
  after?: Keyset | undefined;
}

/**
 * The queue: open reports oldest first (the longest waiting get handled first), closed ones
 * newest first (recent decisions on top). Keyset on (created_at, id), read through
 * reports_queue_idx; fetches one more than the limit, to tell whether a next page exists.
 */
export async function listReports(db: Kysely<DB>, { status, subjectType, limit, after }: ReportListQuery) {
  const ascending = status === "open";
  let query = withPeople(db)
    .where("r.status", "=", status)
    .orderBy("r.created_at", ascending ? "asc" : "desc")
    .orderBy("r.id", ascending ? "asc" : "desc")
    .limit(limit + 1);
  if (subjectType) query = query.where("r.subject_type", "=", subjectType);
  if (after) {
    const key = sql`(${after.at}::timestamptz, ${after.id}::uuid)`;
    query = query.where(
      ascending ? sql<boolean>`(r.created_at, r.id) > ${key}` : sql<boolean>`(r.created_at, r.id) < ${key}`,
    );
  }
  return query.execute();
}
