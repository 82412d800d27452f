import { z } from "zod";
import { roleSchema } from "./accounts.ts";
import { trackSummarySchema, visibilitySchema } from "./tracks.ts";

/**
 * The data export archive (a ZIP a user downloads from their privacy settings): one schema
 * per record type, and the manifest that lists the files. This is the archive's documented
 * format, so a change to a record is a change here, with the version bumped, and an import
 * can later read what an export wrote.
 */

/**
 * Bumped whenever a file's shape changes, so tools reading exports can tell.
 * 1: the first archive. 2: `manifest.json` lists every file with its record type and count.
 */
export const EXPORT_FORMAT_VERSION = 2;

const timestamp = z.iso.datetime();
const uuid = z.uuid();

/** `account.json`: the account itself (never its password or two-factor secret). */
export const accountExportSchema = z.object({
  formatVersion: z.number().int(),
  email: z.string(),
  role: roleSchema,
  emailVerified: z.boolean(),
  verifiedAt: timestamp.nullable(),
  promotedToCreatorAt: timestamp.nullable(),
  twoFactorEnabled: z.boolean(),
  createdAt: timestamp,
});

/** `profile.json`: the public profile. */
export const profileExportSchema = z.object({
  formatVersion: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })).nullable(),
});

const summary = trackSummarySchema.shape;

/**
 * `tracks.json`: one of the user's tracks. The snake_case fields are the stored columns as
 * format 1 wrote them; `playCount`, `createdAt` and `originalFile` came with them.
 */
export const trackExportSchema = z.object({
  // What the track's summary says the same way (kept in format 1's order).
  id: summary.id,
  title: summary.title,
  slug: summary.slug,
  description: summary.description,
  genre: summary.genre,
  tags: summary.tags,
  visibility: summary.visibility,
  downloadable: summary.downloadable,
  license: summary.license,
  // Any stored date, unlike an edit's `releaseDate`, which refuses year 0.
  release_date: z.iso.date().nullable(),
  status: summary.status,
  duration_ms: z.number().int().nullable(),
  artist: z.string().nullable(),
  album: z.string().nullable(),
  play_count: z.number().int(),
  original_format: z.string(),
  original_filename: z.string().nullable(),
  created_at: timestamp,
  playCount: z.number().int(),
  createdAt: timestamp,
  /** Where the uploaded original lies in the archive (`tracks/<id>-<slug>.<format>`), if it was still stored. */
  originalFile: z.string(),
});

/**
 * A title as the user may see it today: someone else's track or playlist made private (or
 * taken down) since keeps its title to itself, and the record says `null`.
 */
const visibleTitle = z.string().nullable();

/** `playlists.json`: one of the user's playlists with its tracks in order. */
export const playlistExportSchema = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  visibility: visibilitySchema,
  tracks: z.array(z.object({ trackId: uuid, title: visibleTitle })),
  createdAt: timestamp,
});

/** `likes.json`: a track or playlist the user liked. */
export const likeExportSchema = z.object({
  type: z.enum(["track", "playlist"]),
  id: uuid,
  title: visibleTitle,
  likedAt: timestamp,
});

/** `follows.json`: someone the user follows. */
export const followExportSchema = z.object({
  userId: uuid,
  username: z.string(),
  followedAt: timestamp,
});

/** `comments.json`: a comment the user wrote. */
export const commentExportSchema = z.object({
  id: uuid,
  track_id: uuid,
  track_title: visibleTitle,
  body: z.string(),
  timestamp_ms: z.number().int().nullable(),
  createdAt: timestamp,
});

/** `messages.json`: a message of one of the user's conversations, sent or received. */
export const messageExportSchema = z.object({
  id: uuid,
  conversationId: uuid,
  /** The other person's username. */
  with: z.string(),
  direction: z.enum(["sent", "received"]),
  body: z.string(),
  createdAt: timestamp,
});

/** `playback_history.json` and `.csv`: one listen. */
export const playbackHistoryExportSchema = z.object({
  playedAt: timestamp,
  listenedMs: z.number().int(),
  trackId: uuid,
  trackTitle: visibleTitle,
});

/** `notifications.json`: a notification the user received. */
export const notificationExportSchema = z.object({
  id: uuid,
  kind: z.string(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});

/**
 * `security_events.json`: an audit entry of the account. An admin's action on it has no
 * address or browser (they are the admin's, not the user's).
 */
export const securityEventExportSchema = z.object({
  id: uuid,
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});

/** Every record type an archive holds, by name. */
export const exportRecordSchemas = {
  account: accountExportSchema,
  profile: profileExportSchema,
  track: trackExportSchema,
  playlist: playlistExportSchema,
  like: likeExportSchema,
  follow: followExportSchema,
  comment: commentExportSchema,
  message: messageExportSchema,
  playbackHistory: playbackHistoryExportSchema,
  notification: notificationExportSchema,
  securityEvent: securityEventExportSchema,
} as const;

export type ExportRecordType = keyof typeof exportRecordSchemas;
export type ExportRecord<T extends ExportRecordType> = z.infer<(typeof exportRecordSchemas)[T]>;

export const exportRecordTypeSchema = z.enum(Object.keys(exportRecordSchemas) as [ExportRecordType]);

/**
 * How a file holds its records: `json` an array of them (or, for a file of one record such
 * as `account.json`, that object), `csv` one line each under a header, `ndjson` one JSON
 * object per line.
 */
export const exportFileFormatSchema = z.enum(["json", "csv", "ndjson"]);
export type ExportFileFormat = z.infer<typeof exportFileFormatSchema>;

/** `manifest.json`: what the archive holds, written last, once every file is complete. */
export const exportManifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: timestamp,
  account: z.object({ id: uuid, username: z.string() }),
  files: z.array(
    z.object({
      name: z.string(),
      recordType: exportRecordTypeSchema,
      format: exportFileFormatSchema,
      count: z.number().int().nonnegative(),
    }),
  ),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;
