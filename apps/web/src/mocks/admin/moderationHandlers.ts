import { api } from "@stave/contracts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import {
  closeReports,
  fileReport,
  findModerated,
  presentReport,
  reportedOwner,
  restore,
  takeDown,
} from "./moderation.ts";
import type { MockAdminState } from "./state.ts";
import { offsetPage } from "./usersHandlers.ts";

/** Reports by anyone signed in; the queue and its resolutions (takedowns, restores) by moderators and admins. */
export function moderationHandlers(state: MockAdminState) {
  const handle = mockOperations(state.accounts);
  return [
    handle(api.moderation.report, ({ body, user: reporter }) => {
      const { subjectType, subjectId } = body;
      if (!reportedOwner(state, subjectType, subjectId)) {
        return errorResponse("NOT_FOUND", "There is nothing to report there.");
      }
      const already = state.reports.some(
        (report) =>
          report.status === "open" &&
          report.reporter?.id === reporter.me.id &&
          report.subjectType === subjectType &&
          report.subjectId === subjectId,
      );
      if (already) return errorResponse("ALREADY_REPORTED", "You have already reported this.");
      const report = fileReport(state, reporter, body);
      return { id: report.id, status: "open" as const };
    }),

    handle(api.moderation.queue, ({ query }) => {
      const { status, subjectType, limit, cursor } = query;
      const found = state.reports
        .filter((report) => report.status === status && (!subjectType || report.subjectType === subjectType))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((report) => presentReport(state, report));
      return offsetPage(found, limit, cursor);
    }),

    handle(api.moderation.resolve, ({ params, body, user: moderator }) => {
      const report = state.reports.find((candidate) => candidate.id === params.id);
      if (!report) return errorResponse("NOT_FOUND", "Report not found");
      if (report.status !== "open") return errorResponse("REPORT_ALREADY_CLOSED", "This report is already closed.");
      const { action, note, copyright } = body;
      if (action === "take_down" || action === "restore") {
        const subject = findModerated(state, report.subjectType, report.subjectId);
        if (!subject) {
          return errorResponse(
            "UNPROCESSABLE",
            "Only a track, comment or playlist that still exists can be taken down.",
          );
        }
        if (action === "take_down") takeDown(subject, note, copyright);
        else restore(subject);
      }
      const outcome =
        action === "take_down"
          ? "taken_down"
          : action === "restore"
            ? "restored"
            : action === "no_action"
              ? "no_action"
              : null;
      closeReports(state, report, moderator, {
        status: action === "dismiss" ? "dismissed" : "resolved",
        outcome,
        note,
      });
      state.record(moderator, "moderation.report_resolve", { type: "report", id: report.id }, { action });
      return presentReport(state, report);
    }),
  ];
}
