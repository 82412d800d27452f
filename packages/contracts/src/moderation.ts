import { z } from "zod";
import { trackOwnerSchema } from "./tracks.ts";

const isoDate = z.string();

export const reportSubjectTypes = ["track", "comment", "playlist", "user"] as const;
const reportSubjectTypeSchema = z.enum(reportSubjectTypes);
export type ReportSubjectType = z.infer<typeof reportSubjectTypeSchema>;

export const reportCategories = [
  "spam",
  "harassment",
  "hate",
  "sexual",
  "violence",
  "copyright",
  "impersonation",
  "other",
] as const;
const reportCategorySchema = z.enum(reportCategories);
export type ReportCategory = z.infer<typeof reportCategorySchema>;

/** `POST /api/v1/reports` (any signed-in user; 10 an hour). */
export const createReportRequestSchema = z.object({
  subjectType: reportSubjectTypeSchema,
  subjectId: z.uuid(),
  category: reportCategorySchema,
  details: z.string().trim().max(2000).default(""),
});
export type CreateReportRequest = z.infer<typeof createReportRequestSchema>;
export const createdReportSchema = z.object({ id: z.uuid(), status: z.literal("open") });

const reportStatuses = ["open", "resolved", "dismissed"] as const;
const reportStatusSchema = z.enum(reportStatuses);
const reportOutcomeSchema = z.enum(["taken_down", "restored", "no_action"]);

/** What a report is about, as the moderator needs to judge it. */
const reportSubjectSchema = z.object({
  type: reportSubjectTypeSchema,
  id: z.uuid(),
  /** Track or playlist title, comment text, or the user's username; null when it is gone. */
  label: z.string().nullable(),
  owner: trackOwnerSchema.nullable(),
  /** Where the web app shows it, e.g. `/tracks/<id>`; null when it is gone. */
  path: z.string().nullable(),
  takenDown: z.boolean(),
  exists: z.boolean(),
});

export const moderationReportSchema = z
  .object({
    id: z.uuid(),
    status: reportStatusSchema,
    category: reportCategorySchema,
    details: z.string(),
    subject: reportSubjectSchema,
    reporter: trackOwnerSchema.nullable(),
    outcome: reportOutcomeSchema.nullable(),
    resolutionNote: z.string().nullable(),
    resolver: trackOwnerSchema.nullable(),
    createdAt: isoDate,
    resolvedAt: isoDate.nullable(),
  })
  .meta({ id: "ModerationReport" });
export type ModerationReport = z.infer<typeof moderationReportSchema>;

/** `GET /api/v1/admin/reports` (moderators and admins). */
export const reportQuerySchema = z.object({
  status: reportStatusSchema.default("open"),
  subjectType: reportSubjectTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export const reportPageSchema = z.object({ items: z.array(moderationReportSchema), nextCursor: z.string().nullable() });
export type ReportPage = z.infer<typeof reportPageSchema>;

/**
 * `POST /api/v1/admin/reports/:id/resolve`. `take_down` hides the content (a track, comment
 * or playlist; for a user report, use suspension instead), `restore` lifts an earlier takedown,
 * `dismiss` closes the report as unfounded. Every open report on the same subject closes with it.
 */
export const resolveReportRequestSchema = z.object({
  action: z.enum(["take_down", "restore", "no_action", "dismiss"]),
  /** Shown to the owner on a takedown, and kept with the report. */
  note: z.string().trim().min(3).max(2000),
  /** For a track takedown: a copyright claim. */
  copyright: z.boolean().default(false),
});
export type ResolveReportRequest = z.infer<typeof resolveReportRequestSchema>;

/** `POST /api/v1/admin/{tracks,comments,playlists}/:id/takedown` (moderators and admins). */
export const takedownRequestSchema = z.object({
  reason: z.string().trim().min(3).max(2000),
  copyright: z.boolean().default(false),
});
export const restoreRequestSchema = z.object({ reason: z.string().trim().min(3).max(2000) });
export const takedownStateSchema = z.object({
  id: z.uuid(),
  takenDown: z.boolean(),
  reason: z.string().nullable(),
});
