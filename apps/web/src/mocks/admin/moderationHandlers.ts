import {
  createReportRequestSchema,
  reportQuerySchema,
  resolveReportRequestSchema,
  restoreRequestSchema,
  takedownRequestSchema,
} from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import {
  closeReports,
  fileReport,
  findModerated,
  presentReport,
  REPORTS_PER_HOUR,
  reportedOwner,
  reportsFiledRecently,
  restore,
  takeDown,
} from "./moderation.ts";
import type { MockAdminState } from "./state.ts";
import { offsetPage } from "./usersHandlers.ts";

const STAFF = ["admin", "moderator"] as const;
const singular = { tracks: "track", comments: "comment", playlists: "playlist" } as const;

/** Reports by anyone signed in; the queue, resolutions, takedowns and restores by moderators and admins. */
export function moderationHandlers(state: MockAdminState) {
  return [
    http.post("/api/v1/reports", async ({ request }) => {
      const reporter = requireUser(state.accounts, request);
      if (reporter instanceof Response) return reporter;
      // As the server: throw-away accounts must not fill the queue.
      if (!reporter.me.isVerified) {
        return errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before reporting");
      }
      const parsed = createReportRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { subjectType, subjectId } = parsed.data;
      const owner = reportedOwner(state, subjectType, subjectId);
      if (!owner) return errorResponse("NOT_FOUND", "There is nothing to report there.");
      if (owner.id === reporter.me.id) return errorResponse("CANNOT_REPORT_OWN", "You cannot report your own content.");
      const already = state.reports.some(
        (report) =>
          report.status === "open" &&
          report.reporter?.id === reporter.me.id &&
          report.subjectType === subjectType &&
          report.subjectId === subjectId,
      );
      if (already) return errorResponse("ALREADY_REPORTED", "You have already reported this.");
      if (reportsFiledRecently(state, reporter.me.id) >= REPORTS_PER_HOUR) {
        return errorResponse("RATE_LIMITED", "Too many reports: try again later.", { retryAfterSeconds: 1800 });
      }
      const report = fileReport(state, reporter, parsed.data);
      return HttpResponse.json({ id: report.id, status: "open" }, { status: 201 });
    }),

    http.get("/api/v1/admin/reports", ({ request }) => {
      const moderator = state.requireRole(request, STAFF);
      if (moderator instanceof Response) return moderator;
      const parsed = reportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      const { status, subjectType, limit, cursor } = parsed.data;
      const found = state.reports
        .filter((report) => report.status === status && (!subjectType || report.subjectType === subjectType))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((report) => presentReport(state, report));
      return HttpResponse.json(offsetPage(found, limit, cursor));
    }),

    http.post("/api/v1/admin/reports/:id/resolve", async ({ request, params }) => {
      const moderator = state.requireRole(request, STAFF);
      if (moderator instanceof Response) return moderator;
      const report = state.reports.find((candidate) => candidate.id === String(params.id));
      if (!report) return errorResponse("NOT_FOUND", "Report not found");
      const parsed = resolveReportRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (report.status !== "open") return errorResponse("REPORT_ALREADY_CLOSED", "This report is already closed.");
      const { action, note, copyright } = parsed.data;
      if (action === "take_down" || action === "restore") {
        const subject = findModerated(state, report.subjectType, report.subjectId);
        if (!subject) {
          return errorResponse(
            "UNPROCESSABLE",
            "Only a track, comment or playlist that still exists can be taken down.",
          );
        }
        if (action === "restore" && !subject.item.takedown) {
          return errorResponse(
            "CONFLICT",
            `The reported ${subject.type} is not taken down: close the report with no action, or dismiss it`,
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
      return HttpResponse.json(presentReport(state, report));
    }),

    ...(["tracks", "comments", "playlists"] as const).flatMap((plural) => [
      http.post(`/api/v1/admin/${plural}/:id/takedown`, async ({ request, params }) => {
        const moderator = state.requireRole(request, STAFF);
        if (moderator instanceof Response) return moderator;
        const subject = findModerated(state, singular[plural], String(params.id));
        if (!subject) return errorResponse("NOT_FOUND", "Not found");
        const parsed = takedownRequestSchema.safeParse(await readJson(request));
        if (!parsed.success) return validationFailed(parsed.error.issues);
        takeDown(subject, parsed.data.reason, parsed.data.copyright);
        state.record(moderator, "moderation.takedown", { type: subject.type, id: subject.item.id });
        return HttpResponse.json({ id: subject.item.id, takenDown: true, reason: parsed.data.reason });
      }),
      http.post(`/api/v1/admin/${plural}/:id/restore`, async ({ request, params }) => {
        const moderator = state.requireRole(request, STAFF);
        if (moderator instanceof Response) return moderator;
        const subject = findModerated(state, singular[plural], String(params.id));
        if (!subject) return errorResponse("NOT_FOUND", "Not found");
        const parsed = restoreRequestSchema.safeParse(await readJson(request));
        if (!parsed.success) return validationFailed(parsed.error.issues);
        restore(subject);
        state.record(moderator, "moderation.restore", { type: subject.type, id: subject.item.id });
        return HttpResponse.json({ id: subject.item.id, takenDown: false, reason: parsed.data.reason });
      }),
    ]),
  ];
}
