import {
  type CommentPage,
  type CreateCommentRequest,
  commentPageSchema,
  commentResponseSchema,
  type FeedPage,
  type FollowPage,
  feedPageSchema,
  followPageSchema,
  type LikedPlaylistPage,
  type LikedTrackPage,
  likedPlaylistPageSchema,
  likedTrackPageSchema,
  type PlaylistSocial,
  playlistSocialSchema,
  type TrackComment,
  type TrackSocial,
  trackSocialSchema,
  type UserProfile,
  userProfileResponseSchema,
} from "@stave/contracts";
import { apiRequest } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

function pagePath(path: string, cursor: string | undefined, limit = PAGE_SIZE): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return `${path}?${query}`;
}

const trackPath = (id: string) => `/api/v1/tracks/${encodeURIComponent(id)}`;
const playlistPath = (id: string) => `/api/v1/playlists/${encodeURIComponent(id)}`;
const userPath = (username: string) => `/api/v1/users/${encodeURIComponent(username)}`;
/** PUT does it, DELETE undoes it; both are idempotent and answer the new state. */
const toggle = (on: boolean) => (on ? "PUT" : "DELETE");

/** A track's like, repost and comment counts, and (signed in) whether I liked or reposted it. */
export function fetchTrackSocial(id: string, signal?: AbortSignal): Promise<TrackSocial> {
  return apiRequest(`${trackPath(id)}/social`, { schema: trackSocialSchema, signal });
}

export function setTrackLiked(id: string, liked: boolean): Promise<TrackSocial> {
  return apiRequest(`${trackPath(id)}/like`, { method: toggle(liked), schema: trackSocialSchema });
}

/** 400 for my own track, 409 for one that is not public. */
export function setTrackReposted(id: string, reposted: boolean): Promise<TrackSocial> {
  return apiRequest(`${trackPath(id)}/repost`, { method: toggle(reposted), schema: trackSocialSchema });
}

export function fetchPlaylistSocial(id: string, signal?: AbortSignal): Promise<PlaylistSocial> {
  return apiRequest(`${playlistPath(id)}/social`, { schema: playlistSocialSchema, signal });
}

export function setPlaylistLiked(id: string, liked: boolean): Promise<PlaylistSocial> {
  return apiRequest(`${playlistPath(id)}/like`, { method: toggle(liked), schema: playlistSocialSchema });
}

/** The tracks I like, latest like first. */
export function fetchLikedTracks(cursor?: string, signal?: AbortSignal): Promise<LikedTrackPage> {
  return apiRequest(pagePath("/api/v1/me/likes/tracks", cursor), { schema: likedTrackPageSchema, signal });
}

export function fetchLikedPlaylists(cursor?: string, signal?: AbortSignal): Promise<LikedPlaylistPage> {
  return apiRequest(pagePath("/api/v1/me/likes/playlists", cursor), { schema: likedPlaylistPageSchema, signal });
}

/** A track's comments, newest first. */
export function fetchComments(trackId: string, cursor?: string, signal?: AbortSignal): Promise<CommentPage> {
  return apiRequest(pagePath(`${trackPath(trackId)}/comments`, cursor), { schema: commentPageSchema, signal });
}

/** 403 EMAIL_NOT_VERIFIED, 429 past ten a minute, 400 for a timestamp past the end. */
export async function postComment(trackId: string, request: CreateCommentRequest): Promise<TrackComment> {
  const path = `${trackPath(trackId)}/comments`;
  return (await apiRequest(path, { method: "POST", body: request, schema: commentResponseSchema })).comment;
}

export function deleteComment(trackId: string, commentId: string): Promise<undefined> {
  return apiRequest(`${trackPath(trackId)}/comments/${encodeURIComponent(commentId)}`, { method: "DELETE" });
}

export async function fetchProfile(username: string, signal?: AbortSignal): Promise<UserProfile> {
  return (await apiRequest(userPath(username), { schema: userProfileResponseSchema, signal })).user;
}

/** Follows or unfollows; the answer is their profile with the new counts. */
/**
 * Follows or unfollows; the profile as it now stands, or null when the server shows none (an
 * unfollow of a suspended account succeeds with 204: the follow goes, the profile stays hidden).
 */
export async function setFollowing(username: string, following: boolean): Promise<UserProfile | null> {
  const path = `${userPath(username)}/follow`;
  const answer = await apiRequest(path, { method: toggle(following), schema: userProfileResponseSchema.optional() });
  return answer?.user ?? null;
}

export type FollowDirection = "followers" | "following";

export function fetchFollows(
  username: string,
  direction: FollowDirection,
  cursor?: string,
  signal?: AbortSignal,
): Promise<FollowPage> {
  return apiRequest(pagePath(`${userPath(username)}/${direction}`, cursor), { schema: followPageSchema, signal });
}

/** My home feed: new tracks and reposts by the people I follow, then popular tracks. */
export function fetchFeed(cursor?: string, signal?: AbortSignal): Promise<FeedPage> {
  return apiRequest(pagePath("/api/v1/me/feed", cursor), { schema: feedPageSchema, signal });
}
