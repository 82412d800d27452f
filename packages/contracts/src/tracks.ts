import { z } from "zod";

export const visibilities = ["public", "unlisted", "private"] as const;
export const visibilitySchema = z.enum(visibilities);
export type Visibility = z.infer<typeof visibilitySchema>;

/** `hidden`: processed, but taken down by a moderator or its owner suspended; only the owner sees it. */
export const trackStatuses = ["uploaded", "processing", "ready", "failed", "hidden"] as const;
export const trackStatusSchema = z.enum(trackStatuses);
export type TrackStatus = z.infer<typeof trackStatusSchema>;

const isoDate = z.string();
// There is no year 0 (PostgreSQL refuses it): "0000-01-01" is not a date anyone released on.
const releaseDateSchema = z.iso.date().refine((value) => !value.startsWith("0000"), "Year 0 does not exist");

export const trackOwnerSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
});

const loudnessSchema = z.object({
  integratedLufs: z.number(),
  truePeakDbtp: z.number(),
  /** Gain (dB) that brings the track to the platform's -14 LUFS target without clipping. */
  normalizationGainDb: z.number(),
});

/** Why content is hidden, shown to its owner (and moderators); null when it is not. */
export const takedownSchema = z
  .object({
    kind: z.enum(["policy", "copyright", "owner_suspended"]),
    reason: z.string(),
    at: isoDate,
  })
  .meta({ id: "Takedown" });
export type Takedown = z.infer<typeof takedownSchema>;

export const trackSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    genre: z.string().nullable(),
    tags: z.array(z.string()),
    visibility: visibilitySchema,
    downloadable: z.boolean(),
    license: z.string().nullable(),
    releaseDate: releaseDateSchema.nullable(),
    status: trackStatusSchema,
    /** Processing progress, 0–100. */
    progress: z.number().int().min(0).max(100),
    failureReason: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    loudness: loudnessSchema.nullable(),
    artworkUrl: z.string().nullable(),
    /** From the uploaded file's tags. */
    artist: z.string().nullable(),
    album: z.string().nullable(),
    playCount: z.number().int(),
    /** Set only for the owner (and moderators) when status is `hidden`. */
    takedown: takedownSchema.nullable().optional(),
    owner: trackOwnerSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "TrackSummary" });
export type TrackSummary = z.infer<typeof trackSummarySchema>;

export const trackSchema = trackSummarySchema
  .extend({
    /** About 1,000 peaks in 0..1, for drawing the waveform; null until processed. */
    waveform: z.array(z.number()).nullable(),
  })
  .meta({ id: "Track" });
export type Track = z.infer<typeof trackSchema>;

export const trackResponseSchema = z.object({ track: trackSchema });
export const trackPageSchema = z.object({ items: z.array(trackSummarySchema), nextCursor: z.string().nullable() });
export type TrackPage = z.infer<typeof trackPageSchema>;

const tagList = z.array(z.string().trim().min(1).max(40)).max(20);

/**
 * The text fields of the multipart upload (`POST /api/v1/tracks`, file in `file`, optional
 * image in `artwork`). All optional: the title falls back to the file's tags, then its name.
 * `tags` is comma-separated; `downloadable` is "true" or "false".
 */
export const uploadFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  genre: z.string().trim().max(60).optional(),
  tags: z
    .string()
    .max(1000)
    .transform((value) =>
      value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    )
    .pipe(tagList)
    .optional(),
  visibility: visibilitySchema.default("public"),
  downloadable: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  license: z.string().trim().max(100).optional(),
  releaseDate: releaseDateSchema.optional(),
});
export type UploadFields = z.input<typeof uploadFieldsSchema>;

export const updateTrackRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).nullable().optional(),
  genre: z.string().trim().max(60).nullable().optional(),
  tags: tagList.optional(),
  visibility: visibilitySchema.optional(),
  downloadable: z.boolean().optional(),
  license: z.string().trim().max(100).nullable().optional(),
  releaseDate: releaseDateSchema.nullable().optional(),
});
export type UpdateTrackRequest = z.infer<typeof updateTrackRequestSchema>;

/** `GET /api/v1/tracks/:id/stream`: the signed master playlist URL, for hls.js or native HLS. */
export const streamResponseSchema = z.object({ url: z.string(), expiresAt: isoDate });
export type StreamResponse = z.infer<typeof streamResponseSchema>;

/** One Server-Sent Event of `GET /api/v1/tracks/:id/events` (event name `status`). */
export const trackStatusEventSchema = z.object({
  status: trackStatusSchema,
  progress: z.number().int().min(0).max(100),
  failureReason: z.string().nullable(),
});
export type TrackStatusEvent = z.infer<typeof trackStatusEventSchema>;
