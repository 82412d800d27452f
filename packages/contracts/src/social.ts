import { z } from "zod";
import { roleSchema } from "./accounts.ts";
import { pageOf } from "./pagination.ts";
import { playlistSummarySchema } from "./playlists.ts";
import { takedownSchema, trackOwnerSchema, trackSummarySchema } from "./tracks.ts";

const isoDate = z.string();

/**
 * Social: likes (tracks, playlists), reposts, follows, comments, and the home feed.
 *
 * Every change is an idempotent PUT (do it) or DELETE (undo it) that answers the new state
 * and counts, whether or not anything changed: `PUT /api/v1/tracks/:id/like` twice is one
 * like. A track or playlist the caller may not see answers 404, as for an id that never
 * existed (private ones are their owner's alone).
 */

/** A track's counts and, for a signed-in caller, what they did to it (null when anonymous). */
export const trackSocialSchema = z
  .object({
    trackId: z.uuid(),
    likeCount: z.number().int(),
    repostCount: z.number().int(),
    commentCount: z.number().int(),
    viewer: z.object({ liked: z.boolean(), reposted: z.boolean() }).nullable(),
  })
  .meta({ id: "TrackSocial" });
export type TrackSocial = z.infer<typeof trackSocialSchema>;

export const playlistSocialSchema = z
  .object({
    playlistId: z.uuid(),
    likeCount: z.number().int(),
    viewer: z.object({ liked: z.boolean() }).nullable(),
  })
  .meta({ id: "PlaylistSocial" });
export type PlaylistSocial = z.infer<typeof playlistSocialSchema>;

/** `GET /api/v1/me/likes/tracks`: the tracks I liked that I may still see, latest like first. */
const likedTrackSchema = z
  .object({ likedAt: isoDate, track: trackSummarySchema, social: trackSocialSchema })
  .meta({ id: "LikedTrack" });
export const likedTrackPageSchema = pageOf(likedTrackSchema).meta({ id: "LikedTrackPage" });
export type LikedTrackPage = z.infer<typeof likedTrackPageSchema>;

/** `GET /api/v1/me/likes/playlists`: the playlists I liked that I may still see, latest like first. */
const likedPlaylistSchema = z
  .object({ likedAt: isoDate, playlist: playlistSummarySchema, social: playlistSocialSchema })
  .meta({ id: "LikedPlaylist" });
export const likedPlaylistPageSchema = pageOf(likedPlaylistSchema).meta({ id: "LikedPlaylistPage" });
export type LikedPlaylistPage = z.infer<typeof likedPlaylistPageSchema>;

/**
 * `GET /api/v1/users/:username`: a user's public profile. `viewer` is null for an anonymous
 * caller: `following` = I follow them, `followsYou` = they follow me.
 */
const userProfileSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string().nullable(),
    bio: z.string().nullable(),
    location: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    role: roleSchema,
    followerCount: z.number().int(),
    followingCount: z.number().int(),
    /** Their public, ready tracks. */
    trackCount: z.number().int(),
    createdAt: isoDate,
    viewer: z.object({ following: z.boolean(), followsYou: z.boolean() }).nullable(),
  })
  .meta({ id: "UserProfile" });
export type UserProfile = z.infer<typeof userProfileSchema>;
/** `GET /api/v1/users/:username`, and `PUT`/`DELETE /api/v1/users/:username/follow`. */
export const userProfileResponseSchema = z.object({ user: userProfileSchema });
export type UserProfileResponse = z.infer<typeof userProfileResponseSchema>;

/** One entry of `GET /api/v1/users/:username/followers` or `/following`, latest follow first. */
const followEntrySchema = z
  .object({
    user: trackOwnerSchema.extend({ followerCount: z.number().int() }),
    followedAt: isoDate,
    /** Whether I follow this user (null when anonymous), for a "follow back" button. */
    viewer: z.object({ following: z.boolean() }).nullable(),
  })
  .meta({ id: "FollowEntry" });
export type FollowEntry = z.infer<typeof followEntrySchema>;
export const followPageSchema = pageOf(followEntrySchema).meta({ id: "FollowPage" });
export type FollowPage = z.infer<typeof followPageSchema>;

export const COMMENT_MAX_LENGTH = 1000;

const trackCommentSchema = z
  .object({
    id: z.uuid(),
    trackId: z.uuid(),
    author: trackOwnerSchema,
    /** Plain text, shown as written (never as HTML). */
    body: z.string(),
    /** Where in the track it was written (ms from the start), for the waveform; null for the whole track. */
    timestampMs: z.number().int().nullable(),
    createdAt: isoDate,
    /** The caller may delete it: its author, the track's owner, moderators and admins. */
    canDelete: z.boolean(),
    /** Set only for its author (and moderators) when a moderator took it down. */
    takedown: takedownSchema.nullable().optional(),
  })
  .meta({ id: "TrackComment" });
export type TrackComment = z.infer<typeof trackCommentSchema>;

/**
 * `GET /api/v1/tracks/:id/comments`, newest first. Comments by someone the caller blocked,
 * or who blocked the caller, are left out for that caller (`commentCount` counts everyone's).
 */
export const commentPageSchema = pageOf(trackCommentSchema).meta({ id: "CommentPage" });
export type CommentPage = z.infer<typeof commentPageSchema>;
export const commentResponseSchema = z.object({ comment: trackCommentSchema });

/**
 * `POST /api/v1/tracks/:id/comments` (10 a minute per user; a verified email address is
 * required). `timestampMs` must lie within the track (0..its length), else 400
 * VALIDATION_FAILED at `body.timestampMs`; a track still processing has no length yet (409
 * TRACK_NOT_READY).
 */
export const createCommentRequestSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Write something first")
    .max(COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH} characters`)
    .refine((body) => !body.includes("\u0000"), "Text cannot contain NUL characters"),
  timestampMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .nullable()
    .optional(),
});
export type CreateCommentRequest = z.input<typeof createCommentRequestSchema>;

const feedReasons = ["new_track", "repost", "popular"] as const;

/**
 * One item of the home feed. `reason`: a new track by someone I follow, a track someone I
 * follow reposted (`repostedBy`), or, once those run out, a popular track. `at` is when it
 * was posted or reposted (a popular track: when it was posted).
 */
const feedItemSchema = z
  .object({
    reason: z.enum(feedReasons),
    at: isoDate,
    track: trackSummarySchema,
    social: trackSocialSchema,
    repostedBy: trackOwnerSchema.nullable(),
  })
  .meta({ id: "FeedItem" });
export type FeedItem = z.infer<typeof feedItemSchema>;

/**
 * `GET /api/v1/me/feed`: newest first from the people I follow, then popular public tracks.
 * A track appears at most once (at its latest post or repost); keep passing `nextCursor`.
 */
export const feedPageSchema = pageOf(feedItemSchema).meta({ id: "FeedPage" });
export type FeedPage = z.infer<typeof feedPageSchema>;
