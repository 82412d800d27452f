import { z } from "zod";
import {
  createdReportSchema,
  createReportRequestSchema,
  moderationReportSchema,
  reportPageSchema,
  reportQuerySchema,
  resolveReportRequestSchema,
  restoreRequestSchema,
  takedownRequestSchema,
  takedownStateSchema,
} from "../moderation.ts";
import { operation } from "../operation.ts";

const tags = ["moderation"] as const;
const moderators = ["moderator", "admin"] as const;
const idParams = z.object({ id: z.uuid() });

/** A direct takedown and restore of one kind of content, `segment` being its URL segment. */
function takedownOperations(segment: string, type: string) {
  return {
    takeDown: operation({
      method: "POST",
      path: `/api/v1/admin/${segment}/:id/takedown`,
      summary: `Take a ${type} down: hidden from everyone but its owner, who sees the reason`,
      description:
        "404 when it does not exist, or when a moderator may not open it and nobody reported it " +
        "(a private one): a report entitles staff to its subject whatever its visibility now.",
      tags,
      access: moderators,
      params: idParams,
      body: takedownRequestSchema,
      response: { 200: takedownStateSchema },
      errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
    }),
    restore: operation({
      method: "POST",
      path: `/api/v1/admin/${segment}/:id/restore`,
      summary: `Lift a ${type}'s takedown`,
      description: "404 as for a takedown; what is taken down may always be restored.",
      tags,
      access: moderators,
      params: idParams,
      body: restoreRequestSchema,
      response: { 200: takedownStateSchema },
      errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND"],
    }),
  };
}

const tracks = takedownOperations("tracks", "track");
const comments = takedownOperations("comments", "comment");
const playlists = takedownOperations("playlists", "playlist");

export const moderationOperations = {
  report: operation({
    method: "POST",
    path: "/api/v1/reports",
    summary: "Report a track, comment, playlist or user to the moderators",
    description:
      "403 `EMAIL_NOT_VERIFIED` until the caller's email address is verified, 404 if the caller cannot see it, 422 `CANNOT_REPORT_OWN` for their own, 409 `ALREADY_REPORTED` while " +
      "their earlier report on it is open, 429 `RATE_LIMITED` past 10 reports an hour.",
    tags,
    access: "authenticated",
    body: createReportRequestSchema,
    response: { 201: createdReportSchema },
    errors: [
      "VALIDATION_FAILED",
      "EMAIL_NOT_VERIFIED",
      "NOT_FOUND",
      "CANNOT_REPORT_OWN",
      "ALREADY_REPORTED",
      "RATE_LIMITED",
    ],
  }),
  queue: operation({
    method: "GET",
    path: "/api/v1/admin/reports",
    summary: "The moderation queue: open reports oldest first, closed ones newest first",
    tags,
    access: moderators,
    query: reportQuerySchema,
    response: { 200: reportPageSchema },
    errors: ["FORBIDDEN", "VALIDATION_FAILED"],
  }),
  resolve: operation({
    method: "POST",
    path: "/api/v1/admin/reports/:id/resolve",
    summary: "Close a report, and every open report on the same subject, with an action",
    description:
      "`take_down` and `restore` change the content (not an account: 422, suspension is an admin's); " +
      "409 `REPORT_ALREADY_CLOSED` if it is not open. Reporters and the owner are notified.",
    tags,
    access: moderators,
    params: idParams,
    body: resolveReportRequestSchema,
    response: { 200: moderationReportSchema },
    // CONFLICT: the subject is gone, or a restore of what is not taken down.
    errors: ["FORBIDDEN", "VALIDATION_FAILED", "NOT_FOUND", "REPORT_ALREADY_CLOSED", "UNPROCESSABLE", "CONFLICT"],
  }),
  takeDownTrack: tracks.takeDown,
  restoreTrack: tracks.restore,
  takeDownComment: comments.takeDown,
  restoreComment: comments.restore,
  takeDownPlaylist: playlists.takeDown,
  restorePlaylist: playlists.restore,
};
