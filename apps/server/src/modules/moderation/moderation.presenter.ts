import type { ModerationReport } from "@stave/contracts";
import type { ReportRow } from "./reports.repo.ts";
import type { SubjectRow } from "./subjects.repo.ts";

const person = (id: string | null, username: string | null, displayName: string | null) =>
  id && username ? { id, username, displayName } : null;

const iso = (at: Date | string) => new Date(at).toISOString();

/**
 * A report as moderators see it. Its subject is described as it is now (null when gone);
 * the owner falls back to whom it belonged when reported.
 */
export function presentReport(row: ReportRow, subject: SubjectRow | undefined): ModerationReport {
  return {
    id: row.id,
    status: row.status,
    category: row.category as ModerationReport["category"],
    details: row.details,
    subject: {
      type: row.subject_type,
      id: row.subject_id,
      label: subject?.label ?? null,
      owner: subject
        ? person(subject.owner_id, subject.owner_username, subject.owner_display_name)
        : person(row.subject_owner_id, row.subject_owner_username, row.subject_owner_display_name),
      path: subject?.path ?? null,
      takenDown: subject?.taken_down ?? false,
      exists: subject !== undefined,
    },
    reporter: person(row.reporter_id, row.reporter_username, row.reporter_display_name),
    outcome: row.outcome,
    resolutionNote: row.resolution_note,
    resolver: person(row.resolver_id, row.resolver_username, row.resolver_display_name),
    createdAt: iso(row.created_at),
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
  };
}
