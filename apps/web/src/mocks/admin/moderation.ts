import type { ModerationReport, ReportSubjectType, Takedown, Track } from "@stave/contracts";
import { mockId } from "../accounts/factories.ts";
import type { MockUser } from "../accounts/state.ts";
import type { MockPlaylistRecord } from "../playlists/factories.ts";
import type { MockComment } from "../social/factories.ts";
import type { MockReport } from "./factories.ts";
import type { MockAdminState } from "./state.ts";

type Person = Track["owner"];

/** What can be taken down: a track, a comment or a playlist, as the mocked server keeps it. */
export type Moderated =
  | { type: "track"; item: Track }
  | { type: "comment"; item: MockComment }
  | { type: "playlist"; item: MockPlaylistRecord };

export function findModerated(state: MockAdminState, type: string, id: string): Moderated | undefined {
  if (type === "track") {
    const item = state.tracks.tracks.find((track) => track.id === id);
    return item ? { type, item } : undefined;
  }
  if (type === "comment") {
    const item = state.social.comments.find((comment) => comment.id === id);
    return item ? { type, item } : undefined;
  }
  if (type === "playlist") {
    const item = state.playlists.playlists.find((playlist) => playlist.id === id);
    return item ? { type, item } : undefined;
  }
  return undefined;
}

const ownerOfModerated = (subject: Moderated): Person =>
  subject.type === "comment" ? subject.item.author : subject.item.owner;

export function takeDown(subject: Moderated, reason: string, copyright: boolean): void {
  const takedown: Takedown = {
    kind: copyright && subject.type === "track" ? "copyright" : "policy",
    reason,
    at: new Date().toISOString(),
  };
  subject.item.takedown = takedown;
  if (subject.type === "track") subject.item.status = "hidden";
}

export function restore(subject: Moderated): void {
  subject.item.takedown = null;
  if (subject.type === "track" && subject.item.status === "hidden") subject.item.status = "ready";
}

/** Who owns what a report is about, or undefined when it is gone. */
export function reportedOwner(state: MockAdminState, type: ReportSubjectType, id: string): Person | undefined {
  if (type === "user") return state.personById(id);
  const subject = findModerated(state, type, id);
  return subject ? ownerOfModerated(subject) : undefined;
}

/** A report as moderators see it, its subject looked up now. */
export function presentReport(state: MockAdminState, report: MockReport): ModerationReport {
  const { subjectType: type, subjectId: id, ...rest } = report;
  const gone = { type, id, label: null, owner: null, path: null, takenDown: false, exists: false };
  let subject: ModerationReport["subject"] = gone;
  if (type === "user") {
    const person = state.personById(id);
    if (person) {
      subject = {
        type,
        id,
        label: person.username,
        owner: person,
        path: `/creators/${encodeURIComponent(person.username)}`,
        takenDown: false,
        exists: true,
      };
    }
  } else {
    const found = findModerated(state, type, id);
    if (found) {
      const label = found.type === "comment" ? found.item.body : found.item.title;
      const path =
        found.type === "comment"
          ? `/tracks/${found.item.trackId}#comments`
          : `/${found.type === "track" ? "tracks" : "playlists"}/${id}`;
      subject = {
        type,
        id,
        label,
        owner: ownerOfModerated(found),
        path,
        takenDown: Boolean(found.item.takedown),
        exists: true,
      };
    }
  }
  return {
    id: rest.id,
    status: rest.status,
    category: rest.category,
    details: rest.details,
    subject,
    reporter: rest.reporter,
    outcome: rest.outcome,
    resolutionNote: rest.resolutionNote,
    resolver: rest.resolver,
    createdAt: rest.createdAt,
    resolvedAt: rest.resolvedAt,
  };
}

export function fileReport(
  state: MockAdminState,
  reporter: MockUser,
  fields: Pick<MockReport, "subjectType" | "subjectId" | "category" | "details">,
): MockReport {
  const report: MockReport = {
    id: mockId(),
    ...fields,
    status: "open",
    reporter: { id: reporter.me.id, username: reporter.me.username, displayName: reporter.me.profile.displayName },
    outcome: null,
    resolutionNote: null,
    resolver: null,
    createdAt: new Date().toISOString(),
    resolvedAt: null,
  };
  state.reports.unshift(report);
  return report;
}

/** Closes `report` and every other open report on the same subject the same way. */
export function closeReports(
  state: MockAdminState,
  report: MockReport,
  resolver: MockUser,
  outcome: { status: "resolved" | "dismissed"; outcome: MockReport["outcome"]; note: string },
): void {
  const now = new Date().toISOString();
  const by = { id: resolver.me.id, username: resolver.me.username, displayName: resolver.me.profile.displayName };
  for (const candidate of state.reports) {
    const same = candidate.subjectType === report.subjectType && candidate.subjectId === report.subjectId;
    if (candidate !== report && !(same && candidate.status === "open")) continue;
    Object.assign(candidate, {
      status: outcome.status,
      outcome: outcome.outcome,
      resolutionNote: outcome.note,
      resolver: by,
      resolvedAt: now,
    });
  }
}
