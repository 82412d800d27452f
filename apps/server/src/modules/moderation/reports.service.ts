import type {
  CreateReportRequest,
  ModerationReport,
  ReportPage,
  ReportSubjectType,
  ResolveReportRequest,
} from "@stave/contracts";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { Principal } from "../../platform/http/access.ts";
import { decodeKeyset, pageFrom } from "../../platform/http/cursor.ts";
import { AppError, notFound } from "../../platform/http/errors.ts";
import type { RateRule } from "../../platform/http/rate-limit.ts";
import type { RequestMeta } from "../../platform/http/request-meta.ts";
import { recordAudit } from "../audit/index.ts";
import { notify } from "../notifications/index.ts";
import { getPlaylist } from "../playlists/index.ts";
import { findCommentForReport } from "../social/index.ts";
import type { MediaMoves } from "../tracks/index.ts";
import { findTrack, loadVisibleTrack } from "../tracks/index.ts";
import { commentRule, viewerOf } from "../visibility/index.ts";
import type { ModerationContext } from "./moderation.context.ts";
import { presentReport } from "./moderation.presenter.ts";
import {
  type Closing,
  closeOpenReports,
  findReport,
  insertReport,
  listReports,
  lockReport,
  type ReportRow,
  type Subject,
} from "./reports.repo.ts";
import { findActiveUserId, findSubjects } from "./subjects.repo.ts";
import {
  inModerationTransaction,
  type Moderated,
  type ModerationResult,
  restore,
  takeDown,
} from "./takedowns.service.ts";

/** Enough for anyone who stumbles on several bad things; too few to flood the queue. */
export const reportRateRule: RateRule = { name: "reports:user", limit: 10, windowSeconds: 3600 };

const ownContent: Record<ReportSubjectType, string> = {
  track: "You cannot report your own track",
  comment: "You cannot report your own comment",
  playlist: "You cannot report your own playlist",
  user: "You cannot report yourself",
};

/**
 * Whose the subject is, if the reporter can see it: the visibility module's rules, and the same 404
 * as for an id that never existed, so a report cannot probe for hidden things.
 */
async function ownerOfVisibleSubject(ctx: ModerationContext, subject: Subject, principal: Principal) {
  switch (subject.type) {
    case "track":
      return (await loadVisibleTrack(ctx, subject.id, principal)).owner_id;
    case "comment": {
      const comment = await findCommentForReport(ctx.database.primary, subject.id);
      const track = comment && (await findTrack(ctx.database.primary, comment.track_id));
      if (!comment || !track || !commentRule.allows(viewerOf(principal), { comment, track })) {
        throw notFound("Comment");
      }
      return comment.author_id;
    }
    case "playlist":
      return (await getPlaylist(ctx.database, subject.id, viewerOf(principal))).owner.id;
    case "user": {
      const id = await findActiveUserId(ctx.database.primary, subject.id, viewerOf(principal));
      if (!id) throw notFound("User");
      return id;
    }
  }
}

/**
 * Only a verified address may report, as for commenting: with open registration, throw-away
 * accounts could otherwise fill the moderation queue faster than staff can read it.
 */
export async function createReport(ctx: ModerationContext, principal: Principal, request: CreateReportRequest) {
  if (!principal.isVerified) {
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before reporting");
  }
  // Before any lookup: the limit also brakes probing for which ids exist.
  await ctx.limiter.hit(reportRateRule, principal.userId);
  const subject = { type: request.subjectType, id: request.subjectId };
  const ownerId = await ownerOfVisibleSubject(ctx, subject, principal);
  if (ownerId === principal.userId) {
    throw new AppError("CANNOT_REPORT_OWN", ownContent[subject.type]);
  }
  const id = await insertReport(ctx.database.primary, {
    reporterId: principal.userId,
    subject,
    subjectOwnerId: ownerId,
    category: request.category,
    details: request.details,
  });
  if (!id) throw new AppError("ALREADY_REPORTED", "You already reported this; a moderator will look at it");
  return { id, status: "open" as const };
}

/** The rows with their subjects as they are now: one lookup per subject type on the page. */
async function presentReports(db: Kysely<DB>, rows: ReportRow[]): Promise<Map<string, ModerationReport>> {
  const byType = new Map<ReportSubjectType, string[]>();
  for (const row of rows) byType.set(row.subject_type, [...(byType.get(row.subject_type) ?? []), row.subject_id]);
  const subjects = new Map(
    await Promise.all([...byType].map(async ([type, ids]) => [type, await findSubjects(db, type, ids)] as const)),
  );
  return new Map(rows.map((row) => [row.id, presentReport(row, subjects.get(row.subject_type)?.get(row.subject_id))]));
}

/** The moderation queue; from the primary, since moderators act on what they read. */
export async function listReportQueue(
  ctx: ModerationContext,
  query: {
    status: "open" | "resolved" | "dismissed";
    subjectType?: ReportSubjectType | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<ReportPage> {
  const db = ctx.database.primary;
  const rows = await listReports(db, {
    status: query.status,
    subjectType: query.subjectType,
    limit: query.limit,
    after: decodeKeyset(query.cursor),
  });
  const presented = await presentReports(db, rows.slice(0, query.limit));
  return pageFrom(
    rows,
    query.limit,
    (row) => presented.get(row.id) as ModerationReport,
    (row) => ({ at: row.created_key, id: row.id }),
  );
}

const outcomes: Record<ResolveReportRequest["action"], Closing["outcome"]> = {
  take_down: "taken_down",
  restore: "restored",
  no_action: "no_action",
  dismiss: null,
};

/** Applies the report's action to its subject; null for the actions that leave it as it is. */
async function applyAction(
  ctx: ModerationContext,
  trx: Transaction<DB>,
  media: MediaMoves,
  subject: Subject,
  request: ResolveReportRequest,
): Promise<ModerationResult | null> {
  if (request.action !== "take_down" && request.action !== "restore") return null;
  if (subject.type === "user") {
    throw new AppError(
      "UNPROCESSABLE",
      "An account is not taken down: an admin suspends it (or lifts its suspension) from the user's admin page",
    );
  }
  const moderated = subject as Moderated;
  const change =
    request.action === "take_down"
      ? await takeDown(ctx, trx, media, moderated, { reason: request.note, copyright: request.copyright })
      : await restore(ctx, trx, moderated);
  if (!change) {
    throw new AppError("CONFLICT", `The reported ${moderated.type} no longer exists: close the report with no action`);
  }
  // A direct restore of something not taken down is a harmless no-op, but closing a report
  // as "restored" would tell its reporter something was lifted that never was.
  if (request.action === "restore" && !change.changed) {
    throw new AppError(
      "CONFLICT",
      `The reported ${moderated.type} is not taken down: close the report with no action, or dismiss it`,
    );
  }
  return change;
}

/**
 * Closes the report, and every other open report on the same subject, the same way, after
 * applying its action; each reporter hears the outcome, all in one transaction.
 */
export async function resolveReport(
  ctx: ModerationContext,
  reportId: string,
  principal: Principal,
  request: ResolveReportRequest,
  meta: RequestMeta,
): Promise<ModerationReport> {
  const { subject, closed, change } = await inModerationTransaction(ctx, async (trx, media) => {
    const report = await lockReport(trx, reportId);
    if (!report) throw notFound("Report");
    if (report.status !== "open") throw new AppError("REPORT_ALREADY_CLOSED", "This report is already closed");
    const subject = { type: report.subject_type, id: report.subject_id };
    const change = await applyAction(ctx, trx, media, subject, request);
    const closing: Closing = {
      status: request.action === "dismiss" ? "dismissed" : "resolved",
      outcome: outcomes[request.action],
      note: request.note,
      resolverId: principal.userId,
    };
    const closed = await closeOpenReports(trx, subject, closing);
    // The title as it is now: not when the owner made it private since, as the reporter
    // would learn the current title of something they can no longer see.
    const now = (await findSubjects(trx, subject.type, [subject.id])).get(subject.id);
    const label = subject.type === "comment" || !now || now.private ? null : now.label;
    const reporters = new Set(closed.flatMap((row) => (row.reporter_id ? [row.reporter_id] : [])));
    for (const reporterId of reporters) {
      await notify(
        trx,
        {
          userId: reporterId,
          kind: "report_resolved",
          subject,
          data: {
            subjectType: subject.type,
            outcome: closing.outcome ?? "dismissed",
            ...(label !== null && { title: label }),
          },
        },
        ctx,
      );
    }
    return { subject, closed, change };
  });

  const audit = { actorId: principal.userId, targetType: subject.type, targetId: subject.id, ...meta };
  await recordAudit(ctx.database.primary, ctx.logger, {
    ...audit,
    action: request.action === "dismiss" ? "moderation.report_dismiss" : "moderation.report_resolve",
    metadata: { reportId, action: request.action, reason: request.note, closedReportIds: closed.map((row) => row.id) },
  });
  if (change) {
    await recordAudit(ctx.database.primary, ctx.logger, {
      ...audit,
      action: change.takenDown ? "moderation.takedown" : "moderation.restore",
      metadata: {
        reason: request.note,
        ...(change.takenDown && subject.type === "track" && { kind: request.copyright ? "copyright" : "policy" }),
        changed: change.changed,
        reportId,
      },
    });
  }
  const row = await findReport(ctx.database.primary, reportId);
  if (!row) throw notFound("Report");
  return (await presentReports(ctx.database.primary, [row])).get(row.id) as ModerationReport;
}
