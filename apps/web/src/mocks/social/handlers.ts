import { api, type PageQuery, type Track } from "@stave/contracts";
import { HttpResponse } from "msw";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse } from "../errors.ts";
import { mockOperations } from "../operation.ts";
import type { MockSocialState } from "./state.ts";

const trackNotFound = () => errorResponse("NOT_FOUND", "Track not found");
const playlistNotFound = () => errorResponse("NOT_FOUND", "Playlist not found");
const userNotFound = () => errorResponse("NOT_FOUND", "User not found");
const noContent = () => new HttpResponse(null, { status: 204 });

const personOf = (user: MockUser): Track["owner"] => ({
  id: user.me.id,
  username: user.me.username,
  displayName: user.me.profile.displayName,
});

/** One page from the offset in `cursor`, as the other mocked lists do it. */
function page<T>(items: readonly T[], query: PageQuery) {
  const start = Number(query.cursor ?? 0) || 0;
  const end = start + query.limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/**
 * Likes, reposts, comments, profiles and follows, and the home feed, with the server's
 * refusals the app shows (404 for what the caller may not see, the repost rules, an
 * unverified commenter).
 */
export function socialHandlersFor(state: MockSocialState) {
  const handle = mockOperations(state.accounts);
  const { social, follows } = api;

  const trackLike = (liked: boolean) =>
    handle(liked ? social.likeTrack : social.unlikeTrack, ({ params, user }) => {
      const track = state.visibleTrack(params.id);
      if (!track) return trackNotFound();
      state.setTrackLike(track.id, user.me.id, liked);
      return state.trackSocial(track.id, user.me.id);
    });

  const repost = (reposted: boolean) =>
    handle(reposted ? social.repostTrack : social.unrepostTrack, ({ params, user }) => {
      const track = state.visibleTrack(params.id);
      if (!track) return trackNotFound();
      const refusal = state.setRepost(track, personOf(user), reposted);
      if (refusal === "OWN_TRACK") return errorResponse("BAD_REQUEST", "You cannot repost your own track");
      if (refusal === "NOT_PUBLIC") return errorResponse("CONFLICT", "Only public tracks can be reposted");
      return state.trackSocial(track.id, user.me.id);
    });

  const playlistLike = (liked: boolean) =>
    handle(liked ? social.likePlaylist : social.unlikePlaylist, ({ params, user }) => {
      const playlist = state.playlists.findVisible(params.id, user.me.id);
      if (!playlist) return playlistNotFound();
      state.setPlaylistLike(playlist.id, user.me.id, liked);
      return state.playlistSocial(playlist.id, user.me.id);
    });

  const follow = (following: boolean) =>
    handle(following ? follows.follow : follows.unfollow, ({ params, user }) => {
      const followee = state.person(params.username);
      if (!followee) return userNotFound();
      state.setFollowing(personOf(user), followee, following);
      return { user: state.profile(followee, user.me.id) };
    });

  return [
    handle(social.trackSocial, ({ params }) => {
      const track = state.visibleTrack(params.id);
      return track ? state.trackSocial(track.id, state.currentUserId) : trackNotFound();
    }),
    trackLike(true),
    trackLike(false),
    repost(true),
    repost(false),

    handle(social.playlistSocial, ({ params }) => {
      const playlist = state.playlists.findVisible(params.id, state.currentUserId);
      return playlist ? state.playlistSocial(playlist.id, state.currentUserId) : playlistNotFound();
    }),
    playlistLike(true),
    playlistLike(false),

    handle(social.likedTracks, ({ query, user }) => page(state.likedTracks(user.me.id), query)),
    handle(social.likedPlaylists, ({ query, user }) => page(state.likedPlaylists(user.me.id), query)),

    handle(social.comments, ({ params, query }) => {
      const track = state.visibleTrack(params.id);
      return track ? page(state.commentsOn(track.id), query) : trackNotFound();
    }),
    handle(social.addComment, ({ params, body, user }) => {
      const track = state.visibleTrack(params.id);
      if (!track) return trackNotFound();
      if (!user.me.isVerified) {
        return errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before commenting");
      }
      const added = state.addComment(track.id, personOf(user), body.body, body.timestampMs ?? null);
      const comment = state.commentsOn(track.id).find((candidate) => candidate.id === added.id);
      return comment ? { comment } : trackNotFound();
    }),
    handle(social.deleteComment, ({ params }) => {
      const track = state.visibleTrack(params.id);
      if (!track) return trackNotFound();
      const comment = state.commentsOn(track.id).find((candidate) => candidate.id === params.commentId);
      if (!comment) return errorResponse("NOT_FOUND", "Comment not found");
      if (!comment.canDelete) {
        return errorResponse("FORBIDDEN", "Only its author or the track's owner can delete this comment");
      }
      state.removeComment(comment.id);
      return noContent();
    }),

    handle(follows.profile, ({ params }) => {
      const person = state.person(params.username);
      return person ? { user: state.profile(person, state.currentUserId) } : userNotFound();
    }),
    follow(true),
    follow(false),
    ...(["followers", "following"] as const).map((direction) =>
      handle(follows[direction], ({ params, query }) => {
        const person = state.person(params.username);
        return person ? page(state.followsOf(person, direction, state.currentUserId), query) : userNotFound();
      }),
    ),

    handle(social.feed, ({ query, user }) => page(state.feed(user.me.id), query)),
  ];
}
