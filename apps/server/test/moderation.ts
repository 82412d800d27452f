import type { ModerationReport, ReportPage } from "@stave/contracts";
import type { Database } from "../src/platform/db/database.ts";
import type { TestAppContext } from "./app.ts";
import { as, ok, type Person } from "./social.ts";

export type SubjectType = "track" | "comment" | "playlist" | "user";

/** Files a report as `who` (the raw answer, to check refusals too). */
export const fileReport = (
  t: TestAppContext,
  who: Person,
  subjectType: SubjectType,
  subjectId: string,
  extra: { category?: string; details?: string } = {},
) =>
  as(t.app, who, "POST", "/api/v1/reports", {
    subjectType,
    subjectId,
    category: extra.category ?? "spam",
    ...(extra.details !== undefined && { details: extra.details }),
  });

/** A report that must be accepted; its id. */
export async function reported(t: TestAppContext, who: Person, subjectType: SubjectType, subjectId: string) {
  return ok<{ id: string; status: "open" }>(await fileReport(t, who, subjectType, subjectId)).id;
}

export const queue = async (t: TestAppContext, who: Person, query = "") =>
  ok<ReportPage>(await as(t.app, who, "GET", `/api/v1/admin/reports${query}`));

export const resolve = (
  t: TestAppContext,
  who: Person,
  reportId: string,
  body: { action: string; note: string; copyright?: boolean },
) => as(t.app, who, "POST", `/api/v1/admin/reports/${reportId}/resolve`, body);

export const resolved = async (...args: Parameters<typeof resolve>) => ok<ModerationReport>(await resolve(...args));

/** `POST /api/v1/admin/<tracks|comments|playlists>/:id/<takedown|restore>`. */
export const moderate = (
  t: TestAppContext,
  who: Person,
  type: "tracks" | "comments" | "playlists",
  id: string,
  action: "takedown" | "restore",
  body: { reason: string; copyright?: boolean } = { reason: "Breaks the community rules" },
) => as(t.app, who, "POST", `/api/v1/admin/${type}/${id}/${action}`, body);

/** The audit rows of one action on one target, oldest first. */
export function auditOf(database: Database, action: string, targetId: string) {
  return database.primary
    .selectFrom("audit_log")
    .select(["actor_id", "action", "target_type", "target_id", "metadata", "user_agent"])
    .where("action", "=", action)
    .where("target_id", "=", targetId)
    .orderBy("created_at")
    .execute();
}
