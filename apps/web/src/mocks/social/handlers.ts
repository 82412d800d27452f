import { createCommentRequestSchema, pageQuerySchema, type Track } from "@stave/contracts";
import { HttpResponse, http } from "msw";
import { readJson, requireUser } from "../accounts/guards.ts";
import type { MockUser } from "../accounts/state.ts";
import { errorResponse, validationFailed } from "../errors.ts";
import type { MockSocialState } from "./state.ts";

const trackNotFound = () => errorResponse("NOT_FOUND", "Track not found");
const playlistNotFound = () => errorResponse("NOT_FOUND", "Playlist not found");
const userNotFound = () => errorResponse("NOT_FOUND", "User not found");

const personOf = (user: MockUser): Track["owner"] => ({
  id: user.me.id,
  username: user.me.username,
  displayName: user.me.profile.displayName,
});

/** One page from the offset in `cursor`, as the other mocked lists do it. */
function page<T>(items: readonly T[], request: Request): Response {
  const parsed = pageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const start = Number(parsed.data.cursor ?? 0) || 0;
  const end = start + parsed.data.limit;
  return HttpResponse.json({ items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null });
}

/** Likes, reposts, comments, profiles and follows, and the home feed, with the server's 400/403/404/409 rules. */
export function socialHandlersFor(state: MockSocialState) {
  const accounts = state.accounts;

  /** The signed-in user and a track they may see, or the reply the server gives instead. */
  function signedInWithTrack(request: Request, id: string): { user: MockUser; track: Track } | Response {
    const user = requireUser(accounts, request);
    if (user instanceof Response) return user;
    const track = state.visibleTrack(id);
    return track ? { user, track } : trackNotFound();
  }

  const trackLike = (liked: boolean) =>
    (({ request, params }) => {
      const found = signedInWithTrack(request, String(params.id));
      if (found instanceof Response) return found;
      state.setTrackLike(found.track.id, found.user.me.id, liked);
      return HttpResponse.json(state.trackSocial(found.track.id, found.user.me.id));
    }) satisfies Parameters<typeof http.put>[1];

  const repost = (reposted: boolean) =>
    (({ request, params }) => {
      const found = signedInWithTrack(request, String(params.id));
      if (found instanceof Response) return found;
      const refusal = state.setRepost(found.track, personOf(found.user), reposted);
      if (refusal === "OWN_TRACK") return errorResponse("BAD_REQUEST", "You cannot repost your own track");
      if (refusal === "NOT_PUBLIC") return errorResponse("CONFLICT", "Only public tracks can be reposted");
      return HttpResponse.json(state.trackSocial(found.track.id, found.user.me.id));
    }) satisfies Parameters<typeof http.put>[1];

  const playlistLike = (liked: boolean) =>
    (({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const playlist = state.playlists.findVisible(String(params.id), user.me.id);
      if (!playlist) return playlistNotFound();
      state.setPlaylistLike(playlist.id, user.me.id, liked);
      return HttpResponse.json(state.playlistSocial(playlist.id, user.me.id));
    }) satisfies Parameters<typeof http.put>[1];

  const follow = (following: boolean) =>
    (({ request, params }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      const followee = state.person(String(params.username));
      if (!followee) return userNotFound();
      if (following && followee.id === user.me.id) return errorResponse("BAD_REQUEST", "You cannot follow yourself");
      state.setFollowing(personOf(user), followee, following);
      return HttpResponse.json({ user: state.profile(followee, user.me.id) });
    }) satisfies Parameters<typeof http.put>[1];

  return [
    http.get("/api/v1/tracks/:id/social", ({ params }) => {
      const track = state.visibleTrack(String(params.id));
      return track ? HttpResponse.json(state.trackSocial(track.id, state.currentUserId)) : trackNotFound();
    }),
    http.put("/api/v1/tracks/:id/like", trackLike(true)),
    http.delete("/api/v1/tracks/:id/like", trackLike(false)),
    http.put("/api/v1/tracks/:id/repost", repost(true)),
    http.delete("/api/v1/tracks/:id/repost", repost(false)),

    http.get("/api/v1/playlists/:id/social", ({ params }) => {
      const playlist = state.playlists.findVisible(String(params.id), state.currentUserId);
      return playlist ? HttpResponse.json(state.playlistSocial(playlist.id, state.currentUserId)) : playlistNotFound();
    }),
    http.put("/api/v1/playlists/:id/like", playlistLike(true)),
    http.delete("/api/v1/playlists/:id/like", playlistLike(false)),

    http.get("/api/v1/me/likes/tracks", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return page(state.likedTracks(user.me.id), request);
    }),
    http.get("/api/v1/me/likes/playlists", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return page(state.likedPlaylists(user.me.id), request);
    }),

    http.get("/api/v1/tracks/:id/comments", ({ request, params }) => {
      const track = state.visibleTrack(String(params.id));
      return track ? page(state.commentsOn(track.id), request) : trackNotFound();
    }),
    http.post("/api/v1/tracks/:id/comments", async ({ request, params }) => {
      const found = signedInWithTrack(request, String(params.id));
      if (found instanceof Response) return found;
      const { user, track } = found;
      if (!user.me.isVerified) {
        return errorResponse("EMAIL_NOT_VERIFIED", "Verify your email address before commenting");
      }
      const parsed = createCommentRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return validationFailed(parsed.error.issues);
      if (state.commentedRecently(user.me.id)) {
        return errorResponse("RATE_LIMITED", "Too many comments: wait a minute", { retryAfterSeconds: 60 });
      }
      const timestampMs = parsed.data.timestampMs ?? null;
      if (timestampMs !== null) {
        if (track.durationMs === null) return errorResponse("TRACK_NOT_READY", "The track is still being processed");
        if (timestampMs > track.durationMs) {
          return errorResponse("VALIDATION_FAILED", "The timestamp is past the end of the track", {
            details: [
              { path: "body.timestampMs", message: `must be at most ${track.durationMs} (the track's length)` },
            ],
          });
        }
      }
      const added = state.addComment(track.id, personOf(user), parsed.data.body, timestampMs);
      const comment = state.commentsOn(track.id).find((candidate) => candidate.id === added.id);
      return HttpResponse.json({ comment }, { status: 201 });
    }),
    http.delete("/api/v1/tracks/:id/comments/:commentId", ({ request, params }) => {
      const found = signedInWithTrack(request, String(params.id));
      if (found instanceof Response) return found;
      const comment = state.commentsOn(found.track.id).find((candidate) => candidate.id === String(params.commentId));
      if (!comment) return errorResponse("NOT_FOUND", "Comment not found");
      if (!comment.canDelete) {
        return errorResponse("FORBIDDEN", "Only its author or the track's owner can delete this comment");
      }
      state.removeComment(comment.id);
      return new HttpResponse(null, { status: 204 });
    }),

    http.get("/api/v1/users/:username", ({ params }) => {
      const person = state.person(String(params.username));
      return person ? HttpResponse.json({ user: state.profile(person, state.currentUserId) }) : userNotFound();
    }),
    http.put("/api/v1/users/:username/follow", follow(true)),
    http.delete("/api/v1/users/:username/follow", follow(false)),
    ...(["followers", "following"] as const).map((direction) =>
      http.get(`/api/v1/users/:username/${direction}`, ({ request, params }) => {
        const person = state.person(String(params.username));
        if (!person) return userNotFound();
        return page(state.followsOf(person, direction, state.currentUserId), request);
      }),
    ),

    http.get("/api/v1/me/feed", ({ request }) => {
      const user = requireUser(accounts, request);
      if (user instanceof Response) return user;
      return page(state.feed(user.me.id), request);
    }),
  ];
}
