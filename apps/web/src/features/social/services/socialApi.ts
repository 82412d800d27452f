import {
  api,
  type CommentPage,
  type CreateCommentRequest,
  type FeedPage,
  type FollowPage,
  type LikedPlaylistPage,
  type LikedTrackPage,
  type PlaylistSocial,
  type TrackComment,
  type TrackSocial,
  type UserProfile,
} from "@stave/contracts";
import { callApi } from "../../../lib/api.ts";

const PAGE_SIZE = 20;

const pageQuery = (cursor: string | undefined) => ({ limit: PAGE_SIZE, cursor });

// Each change is an idempotent pair: PUT does it, DELETE undoes it; both answer the new state.

/** A track's like, repost and comment counts, and (signed in) whether I liked or reposted it. */
export function fetchTrackSocial(id: string, signal?: AbortSignal): Promise<TrackSocial> {
  return callApi(api.social.trackSocial, { params: { id }, signal });
}

export function setTrackLiked(id: string, liked: boolean): Promise<TrackSocial> {
  return callApi(liked ? api.social.likeTrack : api.social.unlikeTrack, { params: { id } });
}

/** 400 for my own track, 409 for one that is not public. */
export function setTrackReposted(id: string, reposted: boolean): Promise<TrackSocial> {
  return callApi(reposted ? api.social.repostTrack : api.social.unrepostTrack, { params: { id } });
}

export function fetchPlaylistSocial(id: string, signal?: AbortSignal): Promise<PlaylistSocial> {
  return callApi(api.social.playlistSocial, { params: { id }, signal });
}

export function setPlaylistLiked(id: string, liked: boolean): Promise<PlaylistSocial> {
  return callApi(liked ? api.social.likePlaylist : api.social.unlikePlaylist, { params: { id } });
}

/** The tracks I like, latest like first. */
export function fetchLikedTracks(cursor?: string, signal?: AbortSignal): Promise<LikedTrackPage> {
  return callApi(api.social.likedTracks, { query: pageQuery(cursor), signal });
}

export function fetchLikedPlaylists(cursor?: string, signal?: AbortSignal): Promise<LikedPlaylistPage> {
  return callApi(api.social.likedPlaylists, { query: pageQuery(cursor), signal });
}

/** A track's comments, newest first. */
export function fetchComments(trackId: string, cursor?: string, signal?: AbortSignal): Promise<CommentPage> {
  return callApi(api.social.comments, { params: { id: trackId }, query: pageQuery(cursor), signal });
}

/** 403 EMAIL_NOT_VERIFIED, 429 past ten a minute, 400 for a timestamp past the end. */
export async function postComment(trackId: string, request: CreateCommentRequest): Promise<TrackComment> {
  return (await callApi(api.social.addComment, { params: { id: trackId }, body: request })).comment;
}

export function deleteComment(trackId: string, commentId: string): Promise<undefined> {
  return callApi(api.social.deleteComment, { params: { id: trackId, commentId } });
}

export async function fetchProfile(username: string, signal?: AbortSignal): Promise<UserProfile> {
  return (await callApi(api.follows.profile, { params: { username }, signal })).user;
}

/**
 * Follows or unfollows; the profile as it now stands, or null when the server shows none (an
 * unfollow of a suspended account succeeds with 204: the follow goes, the profile stays hidden).
 */
export async function setFollowing(username: string, following: boolean): Promise<UserProfile | null> {
  const answer = await callApi(following ? api.follows.follow : api.follows.unfollow, { params: { username } });
  return answer?.user ?? null;
}

export type FollowDirection = "followers" | "following";

export function fetchFollows(
  username: string,
  direction: FollowDirection,
  cursor?: string,
  signal?: AbortSignal,
): Promise<FollowPage> {
  return callApi(api.follows[direction], { params: { username }, query: pageQuery(cursor), signal });
}

/** My home feed: new tracks and reposts by the people I follow, then popular tracks. */
export function fetchFeed(cursor?: string, signal?: AbortSignal): Promise<FeedPage> {
  return callApi(api.social.feed, { query: pageQuery(cursor), signal });
}
