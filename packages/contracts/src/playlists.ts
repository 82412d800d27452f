import { z } from "zod";
import { pageOf } from "./pagination.ts";
import { takedownSchema, trackOwnerSchema, trackSummarySchema, visibilitySchema } from "./tracks.ts";

export const playlistSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    visibility: visibilitySchema,
    trackCount: z.number().int(),
    /** Total length of the playlist's tracks that are playable, in milliseconds. */
    durationMs: z.number().int(),
    /** Artwork of the first tracks that have some (up to four), for a mosaic cover. */
    artworkUrls: z.array(z.string()),
    owner: trackOwnerSchema,
    /** Set only for its owner (and moderators) when a moderator took it down. */
    takedown: takedownSchema.nullable().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PlaylistSummary" });
export type PlaylistSummary = z.infer<typeof playlistSummarySchema>;

/** The most tracks one playlist holds. */
export const playlistTrackLimit = 500;

/** A playlist with its tracks in play order: only those the viewer may play are listed and counted. */
export const playlistSchema = playlistSummarySchema
  .extend({ tracks: z.array(trackSummarySchema) })
  .meta({ id: "Playlist" });
export type Playlist = z.infer<typeof playlistSchema>;

export const playlistResponseSchema = z.object({ playlist: playlistSchema });

export const playlistPageSchema = pageOf(playlistSummarySchema);
export type PlaylistPage = z.infer<typeof playlistPageSchema>;

// PostgreSQL text cannot hold NUL: refuse it here as bad input rather than fail on insert.
const withoutNul = (value: string) => !value.includes("\u0000");
const nulMessage = "Text cannot contain NUL characters";
const playlistTitle = z.string().trim().min(1, "Give the playlist a title").max(200).refine(withoutNul, nulMessage);
const playlistDescription = z.string().max(5000).refine(withoutNul, nulMessage).nullable();

/** `POST /api/v1/playlists`. */
export const createPlaylistRequestSchema = z.object({
  title: playlistTitle,
  description: playlistDescription.optional(),
  visibility: visibilitySchema.default("public"),
});
export type CreatePlaylistRequest = z.input<typeof createPlaylistRequestSchema>;

/** `PATCH /api/v1/playlists/:id`: only the fields sent change. */
export const updatePlaylistRequestSchema = z.object({
  title: playlistTitle.optional(),
  description: playlistDescription.optional(),
  visibility: visibilitySchema.optional(),
});
export type UpdatePlaylistRequest = z.infer<typeof updatePlaylistRequestSchema>;

/** `POST /api/v1/playlists/:id/tracks`: appends the track at the end. */
export const addPlaylistTrackRequestSchema = z.object({ trackId: z.uuid() });

/**
 * `PUT /api/v1/playlists/:id/order`: every track of the playlist as the owner sees it, in
 * the new order. A set that differs from the playlist's (someone added or removed a track
 * meanwhile) is refused with `PLAYLIST_ORDER_MISMATCH`, so no change is lost silently.
 */
export const reorderPlaylistRequestSchema = z.object({
  trackIds: z
    .array(z.uuid())
    .max(playlistTrackLimit)
    .refine((ids) => new Set(ids).size === ids.length, "Each track may appear only once"),
});
